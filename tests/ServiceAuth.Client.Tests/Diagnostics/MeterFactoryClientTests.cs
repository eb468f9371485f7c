using System.Net;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ServiceAuth.Client.ClientCredentials.Internal;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Tests.ClientCredentials;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Diagnostics;

/// <summary>Signed clients, assume-role credentials, AWS retries and client-credentials tokens measure on the meter of
/// their container's <c>IMeterFactory</c>: a second container's collectors and the static fallback meter see nothing.</summary>
[Collection(nameof(ProcessWideTelemetryCollection))]
public sealed class MeterFactoryClientTests
{
    private static readonly Uri Api = new("https://meters-test.execute-api.eu-west-1.amazonaws.com/prod/");

    [Fact]
    public async Task SignedClient_RejectedCredentials_MeasuredOnItsContainersMeterOnly()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var wire = new CapturingHandler { Respond = (_, n) => n == 1 ? CapturingHandler.Error(HttpStatusCode.Forbidden, "ExpiredToken") : new HttpResponseMessage(HttpStatusCode.OK) };
        using ServiceProvider used = AssumingRole(time, wire);
        using ServiceProvider other = AssumingRole(time, new CapturingHandler());
        using MetricCollector<long> retries = ContainerMeter.Collect<long>(used, "serviceauth.http.retries");
        using MetricCollector<double> assumeRole = ContainerMeter.Collect<double>(used, "serviceauth.sts.assume_role.duration");
        using MetricCollector<long> invalidations = ContainerMeter.Collect<long>(used, "serviceauth.credentials.invalidations");
        using MetricCollector<long> otherRetries = ContainerMeter.Collect<long>(other, "serviceauth.http.retries");
        using MetricCollector<double> otherAssumeRole = ContainerMeter.Collect<double>(other, "serviceauth.sts.assume_role.duration");
        using MetricCollector<long> fallback = ContainerMeter.CollectFallback<long>("serviceauth.http.retries");
        _ = other.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        using HttpResponseMessage response = await used.GetRequiredService<IHttpClientFactory>().CreateClient("orders").GetAsync("a");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        retries.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags["reason"].ShouldBe("rejected_credentials");
        invalidations.GetMeasurementSnapshot().ShouldHaveSingleItem().Value.ShouldBe(1);
        assumeRole.GetMeasurementSnapshot().Count.ShouldBe(2, "the first role session and the one after the rejection");
        otherRetries.GetMeasurementSnapshot().ShouldBeEmpty();
        otherAssumeRole.GetMeasurementSnapshot().ShouldBeEmpty();
        fallback.GetMeasurementSnapshot().ShouldBeEmpty();
    }

    [Fact]
    public async Task AwsRetries_Transient_MeasuredOnItsContainersMeterOnly()
    {
        var wire = new CapturingHandler { Respond = (_, _) => CapturingHandler.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable") };
        using ServiceProvider used = Retrying(wire);
        using ServiceProvider other = Retrying(new CapturingHandler());
        using MetricCollector<long> retries = ContainerMeter.Collect<long>(used, "serviceauth.http.retries");
        using MetricCollector<long> otherRetries = ContainerMeter.Collect<long>(other, "serviceauth.http.retries");
        using MetricCollector<long> fallback = ContainerMeter.CollectFallback<long>("serviceauth.http.retries");
        _ = other.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        using HttpResponseMessage response = await used.GetRequiredService<IHttpClientFactory>().CreateClient("orders").GetAsync("a");

        wire.Requests.Count.ShouldBe(2);
        retries.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags["reason"].ShouldBe("transient");
        otherRetries.GetMeasurementSnapshot().ShouldBeEmpty();
        fallback.GetMeasurementSnapshot().ShouldBeEmpty();
    }

    [Fact]
    public async Task ClientCredentials_TokenRequest_MeasuredOnItsContainersMeterOnly()
    {
        using ServiceProvider used = WithToken(new FakeTokenEndpoint());
        using ServiceProvider other = WithToken(new FakeTokenEndpoint());
        using MetricCollector<long> requests = ContainerMeter.Collect<long>(used, "serviceauth.oauth.token_requests");
        using MetricCollector<double> duration = ContainerMeter.Collect<double>(used, "serviceauth.oauth.token_request.duration");
        using MetricCollector<long> otherRequests = ContainerMeter.Collect<long>(other, "serviceauth.oauth.token_requests");
        using MetricCollector<long> fallback = ContainerMeter.CollectFallback<long>("serviceauth.oauth.token_requests");
        _ = other.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        using HttpResponseMessage response = await used.GetRequiredService<IHttpClientFactory>().CreateClient("orders").GetAsync(new Uri("https://orders.example.com/"));

        requests.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags["oauth.client_id"].ShouldBe("app-client");
        duration.Instrument!.Unit.ShouldBe("s");
        duration.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags.ContainsKey("error.type").ShouldBeFalse();
        otherRequests.GetMeasurementSnapshot().ShouldBeEmpty();
        fallback.GetMeasurementSnapshot().ShouldBeEmpty();
    }

    private static ServiceProvider AssumingRole(FakeTimeProvider time, CapturingHandler wire)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IStsClientFactory>(new FakeSts(time));
        services.AddSignedHttpClient("orders", o =>
        {
            o.BaseAddress = Api;
            o.Credentials = CacheFixture.Source;
            o.AssumeRole = new AssumeRoleOptions { RoleArn = CacheFixture.RoleArn, RoleSessionName = "meters" };
        }).ConfigurePrimaryHttpMessageHandler(() => wire);
        return services.BuildServiceProvider();
    }

    private static ServiceProvider Retrying(CapturingHandler wire)
    {
        var services = new ServiceCollection();
        services.AddSignedHttpClient("orders", o =>
            {
                o.BaseAddress = Api;
                o.Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "secret");
            })
            .AddAwsRetries(o =>
            {
                o.MaxRetryAttempts = 1;
                o.TransientBaseDelay = TimeSpan.FromTicks(1);
            })
            .ConfigurePrimaryHttpMessageHandler(() => wire);
        return services.BuildServiceProvider();
    }

    private static ServiceProvider WithToken(FakeTokenEndpoint idp)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("orders").AddClientCredentialsToken(o =>
        {
            o.TokenEndpoint = new Uri("https://pool.auth.eu-west-1.amazoncognito.com/oauth2/token");
            o.ClientId = "app-client";
            o.ClientSecret = "very-secret";
        }).ConfigurePrimaryHttpMessageHandler(() => new CapturingHandler());
        services.AddHttpClient(TokenEndpointClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => idp);
        return services.BuildServiceProvider();
    }
}
