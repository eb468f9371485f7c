using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary><c>AddContentSha256Header</c>: the body hash CloudFront OAC needs in front of a Lambda function URL, with no
/// signature.</summary>
public sealed class ContentSha256HeaderTests
{
    private readonly CapturingHandler _wire = new();

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    public async Task PostAndPut_CarryTheBodyHash_AndNoSignature(string method)
    {
        using HttpClient client = Client();

        await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "https://d111111abcdef8.cloudfront.net/orders") { Content = new StringContent("""{"id":42}""", Encoding.UTF8, "application/json") });

        CapturedRequest sent = _wire.Requests.ShouldHaveSingleItem();
        sent.Header("x-amz-content-sha256").ShouldBe(Convert.ToHexStringLower(SHA256.HashData("""{"id":42}"""u8)));
        sent.Authorization.ShouldBeNull();
        sent.AmzDate.ShouldBeNull();
    }

    [Fact]
    public async Task NonSeekableBody_IsBuffered_AndSentAsHashed()
    {
        using HttpClient client = Client();
        byte[] body = Encoding.UTF8.GetBytes(new string('x', 100_000));

        await client.PostAsync("https://d111111abcdef8.cloudfront.net/upload", new StreamContent(new NonSeekable(body)));

        CapturedRequest sent = _wire.Requests.ShouldHaveSingleItem();
        sent.Body.ShouldBe(body);
        sent.Header("x-amz-content-sha256").ShouldBe(Convert.ToHexStringLower(SHA256.HashData(body)));
    }

    [Fact]
    public async Task EmptyPost_CarriesTheEmptyHash_AndGetCarriesNone()
    {
        using HttpClient client = Client();

        await client.PostAsync("https://d111111abcdef8.cloudfront.net/ping", null);
        await client.GetAsync("https://d111111abcdef8.cloudfront.net/orders");

        _wire.Requests[0].Header("x-amz-content-sha256").ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        _wire.Requests[1].Header("x-amz-content-sha256").ShouldBeNull();
    }

    private HttpClient Client()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("oac").AddContentSha256Header().ConfigurePrimaryHttpMessageHandler(() => _wire);
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("oac");
    }

    private sealed class NonSeekable(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
