using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Tests.Support;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>Issue 9 item 15: a seekable <see cref="StreamContent"/> is re-sent from its original position, by the
/// signer's recovery resend and by <c>AddAwsRetries</c>, and each attempt is signed over exactly those bytes.</summary>
public sealed class SeekableStreamReplayTests
{
    private static readonly Uri Api = new("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders");
    private static readonly byte[] Data = "skip{\"id\":1,\"total\":42}"u8.ToArray();
    private static readonly byte[] Body = Data[4..];

    [Fact]
    public async Task RejectedCredentials_SeekableStream_IsResentFromItsOriginalPosition()
    {
        var f = new CacheFixture();
        var wire = new CapturingHandler { Respond = (_, n) => n == 1 ? CapturingHandler.Error(HttpStatusCode.Forbidden, "ExpiredToken") : new HttpResponseMessage(HttpStatusCode.OK) };
        var settings = SigningSettings.From(new SignedHttpClientOptions { BaseAddress = Api });
        using var client = new HttpClient(new SigV4DelegatingHandler(settings, f.Entry(), SigV4Signer.Shared, f.Time, null, new ClockSkewRegistry()) { InnerHandler = wire });

        using HttpResponseMessage response = await client.PutAsync(Api, new StreamContent(Positioned()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        CapturedRequest[] sent = [.. wire.Requests];
        sent.Length.ShouldBe(2);
        sent.ShouldAllBe(s => s.Body!.SequenceEqual(Body));
        sent[1].AccessKeyId.ShouldNotBe(sent[0].AccessKeyId);
    }

    [Fact]
    public async Task AwsRetries_SeekableStream_EachAttemptSendsAndSignsTheSameBytes()
    {
        var time = new FakeTimeProvider();
        var wire = new CapturingHandler();
        wire.Respond = (_, n) => new HttpResponseMessage(n == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSignedHttpClient("orders", o => (o.BaseAddress, o.Credentials) = (Api, TestCredentials.Session()))
            .AddAwsRetries()
            .ConfigurePrimaryHttpMessageHandler(() => wire);
        using ServiceProvider provider = services.BuildServiceProvider();
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        Task<HttpResponseMessage> sending = client.PutAsync(Api, new StreamContent(Positioned()));
        await Eventually.DriveAsync(sending, time, TimeSpan.FromMilliseconds(50));
        using HttpResponseMessage response = await sending;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        wire.Requests.Count.ShouldBe(2);
        wire.Requests.ShouldAllBe(r => r.Body!.SequenceEqual(Body));
    }

    private static MemoryStream Positioned() => new(Data) { Position = 4 };
}
