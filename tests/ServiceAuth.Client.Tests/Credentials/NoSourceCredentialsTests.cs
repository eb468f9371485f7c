using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;

namespace ServiceAuth.Client.Tests.Credentials;

// issue 21, item 6: the README Quickstart on a machine with no credentials and AssumeRole set. STS is never called, so
// the message must name the missing source credentials and what the default chain tried, not STS, and no log says "(null)".
public sealed class NoSourceCredentialsTests
{
    private const string ChainMessage = "Failed to resolve AWS credentials. The credential providers used to search for credentials returned the following errors: Credential profile [default] was not found in the CredentialProfileStoreChain.";

    [Fact]
    public async Task AssumeRoleWithNoSourceCredentials_NamesTheCauseAndWhatTheChainTried_AndNeverBlamesSts()
    {
        var sts = new CapturingHandler();
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSignedHttpClient("orders", o =>
        {
            o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");
            o.Credentials = new DefaultChainCredentials(() => throw new AmazonClientException(ChainMessage), new FakeTimeProvider());
            o.AssumeRole = new AssumeRoleOptions { RoleArn = "arn:aws:iam::222233334444:role/orders-caller", StsEndpoint = new Uri("http://127.0.0.1:9/") };
        }).ConfigurePrimaryHttpMessageHandler(() => new CapturingHandler());
        services.ConfigureStsClient(c => c.HttpClientFactory = new StsHttp(sts));
        using ServiceProvider provider = services.BuildServiceProvider();

        Exception e = await Should.ThrowAsync<Exception>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders").GetAsync("orders/42"));

        e.Message.ShouldStartWith("Could not assume role 'arn:aws:iam::222233334444:role/orders-caller': there are no source credentials to call STS with, so STS was not called.");
        e.Message.ShouldContain("No AWS credentials were found by AWSSDK.Core's default chain");
        e.Message.ShouldContain("What the chain tried: " + ChainMessage);
        e.Message.ShouldNotContain("STS failed");
        sts.Requests.ShouldBeEmpty();
        IReadOnlyList<FakeLogRecord> logs = provider.GetFakeLogCollector().GetSnapshot();
        logs.ShouldNotContain(r => r.Message.Contains("(null)", StringComparison.Ordinal), string.Join("\n", logs.Select(r => $"{r.Id.Id} {r.Message}")));
        logs.ShouldContain(r => r.Id.Id == 206 && r.Level == LogLevel.Warning && r.Message.Contains("was not called: there are no source credentials", StringComparison.Ordinal));
        logs.ShouldNotContain(r => r.Id.Id == 201);
    }

    private sealed class StsHttp(HttpMessageHandler handler) : Amazon.Runtime.HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;
    }
}
