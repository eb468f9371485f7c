using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Protocol;

/// <summary>Issue 9 item 7: after the library reads an error code, the caller still gets the whole body, however large
/// and whether or not its length is known.</summary>
public sealed class ErrorBodyIntactTests
{
    private static readonly byte[] LargeChunkedBody = Encoding.UTF8.GetBytes(
        "<Error><Code>AccessDenied</Code><Message>" + new string('x', 70 * 1024) + "</Message></Error>");

    [Fact]
    public async Task SendAsync_70KiBChunked403_ReachesTheCallerIntact()
    {
        using ServiceProvider provider = Build();
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        using HttpResponseMessage response = await client.GetAsync("orders/1");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(LargeChunkedBody);
    }

    [Fact]
    public void Send_70KiBChunked403_ReachesTheCallerIntact()
    {
        using ServiceProvider provider = Build();
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        using HttpResponseMessage response = client.Send(new HttpRequestMessage(HttpMethod.Get, "orders/1"));

        using var body = new MemoryStream();
        response.Content.ReadAsStream().CopyTo(body);
        body.ToArray().ShouldBe(LargeChunkedBody);
    }

    [Fact]
    public async Task ReadCodeAsync_SmallChunkedBody_FindsTheCodeAndKeepsTheBody()
    {
        byte[] small = Encoding.UTF8.GetBytes("<Error><Code>ExpiredToken</Code></Error>");
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StreamContent(new NonSeekableStream(small)) };

        (await AwsErrorResponse.ReadCodeAsync(response, CancellationToken.None)).ShouldBe("ExpiredToken");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(small);
    }

    [Fact]
    public async Task ReadCodeAsync_CancelledWhileBuffering_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StreamContent(new NonSeekableStream(LargeChunkedBody)) };

        (await Record.ExceptionAsync(async () => await AwsErrorResponse.ReadCodeAsync(response, cts.Token))).ShouldBeAssignableTo<OperationCanceledException>();
    }

    private static ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddSignedHttpClient("orders", o =>
        {
            o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");
            o.Credentials = TestCredentials.Session();
        }).ConfigurePrimaryHttpMessageHandler(() => new CapturingHandler
        {
            Respond = (_, _) => new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StreamContent(new NonSeekableStream(LargeChunkedBody)) },
        });
        return services.BuildServiceProvider();
    }
}
