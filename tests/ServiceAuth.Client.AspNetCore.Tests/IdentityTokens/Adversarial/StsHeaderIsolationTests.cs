using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.Tests.Support;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens.Adversarial;

/// <summary>Issue 19 item 5: no inbound header or ambient context reaches STS, through the verifier's real STS HttpClient
/// (its own primary handler, to a loopback STS) with tracing on as OpenTelemetry would turn it on.</summary>
public sealed class StsHeaderIsolationTests
{
    [Fact]
    public async Task InboundTraceparentTracestateAndBaggage_NeverReachSts()
    {
        using var tracing = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(tracing);
        using var sts = new LoopbackStsRecorder();
        var time = new FakeTimeProvider(Principals.Start);
        await using LocalAwsEndpoint aws = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = time });
        LocalUser user = aws.AddUser("service-a", Principals.AccountA);
        await using ServiceB b = await ServiceB.StartAsync(time, s => LoopbackSts.Use(s, sts.Url));
        await using var a = new CallerA(time, b.CreateHandler(), o =>
        {
            o.Audience = ServiceB.Audience;
            o.Credentials = user.ToAwsCredentials();
        });
        using var client = new HttpClient(b.CreateHandler()) { BaseAddress = new Uri("http://localhost/") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "whoami");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + await a.MintAsync());
        request.Headers.TryAddWithoutValidation("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        request.Headers.TryAddWithoutValidation("tracestate", "evil=1");
        request.Headers.TryAddWithoutValidation("baggage", "evil=1");
        request.Headers.TryAddWithoutValidation("Request-Id", "|evil.1.");
        request.Headers.TryAddWithoutValidation("Correlation-Context", "evil=1");

        using HttpResponseMessage response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        string[] headers = sts.Requests.ShouldHaveSingleItem();
        string[] names = [.. headers.Select(h => h[..h.IndexOf(':', StringComparison.Ordinal)].ToLowerInvariant()).Order()];
        names.ShouldBe(["accept", "host", "x-serviceauth-audience"], string.Join(" | ", headers));
        string.Join('\n', headers).ShouldNotContain("evil");
        string.Join('\n', headers).ShouldNotContain("0af7651916cd43dd8448eb211c80319c");
    }

    [Fact]
    public async Task AppReplacesThePrimaryHandlerAndAddsAHandler_StillNoInboundHeaderOrTraceReachesSts()
    {
        using var tracing = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(tracing);
        using var sts = new LoopbackStsRecorder();
        var time = new FakeTimeProvider(Principals.Start);
        await using LocalAwsEndpoint aws = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = time });
        LocalUser user = aws.AddUser("service-a", Principals.AccountA);

        // As an application might: its own primary handler (a proxy, say; this one propagates trace context by
        // default) and a handler that forwards headers, both configured after AddIamIdentityToken.
        await using ServiceB b = await ServiceB.StartAsync(time, s =>
        {
            LoopbackSts.Use(s, sts.Url);
            s.AddHttpClient(IamIdentityTokenDefaults.StsHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler())
                .AddHttpMessageHandler(() => new AddsHeader("X-Forwarded-Evil", "evil"));
        });
        await using var a = new CallerA(time, b.CreateHandler(), o =>
        {
            o.Audience = ServiceB.Audience;
            o.Credentials = user.ToAwsCredentials();
        });
        using var client = new HttpClient(b.CreateHandler()) { BaseAddress = new Uri("http://localhost/") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "whoami");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + await a.MintAsync());
        request.Headers.TryAddWithoutValidation("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        request.Headers.TryAddWithoutValidation("baggage", "evil=1");

        using HttpResponseMessage response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        string[] headers = sts.Requests.ShouldHaveSingleItem();
        string[] names = [.. headers.Select(h => h[..h.IndexOf(':', StringComparison.Ordinal)].ToLowerInvariant()).Where(n => n != "traceparent").Order()];
        names.ShouldBe(["accept", "host", "x-serviceauth-audience"], string.Join(" | ", headers));
        string.Join('\n', headers).ShouldNotContain("evil");
        string.Join('\n', headers).ShouldNotContain("0af7651916cd43dd8448eb211c80319c");
    }

    private sealed class AddsHeader(string name, string value) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(name, value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
