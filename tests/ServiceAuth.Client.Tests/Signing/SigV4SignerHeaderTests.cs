using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>Header pitfalls (sigv4-peers-and-pitfalls.md §3): what is signed is what SocketsHttpHandler sends.</summary>
public sealed partial class SigV4SignerHeaderTests
{
    [Fact]
    public void Sign_MoreHeaderNamesThanThePerThreadNameCacheHolds_LowersAndSortsEveryName()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        string[] names = [.. Enumerable.Range(0, 40).Select(i => $"X-Custom-{i:D2}-Name")];
        foreach (string name in names)
        {
            request.Headers.TryAddWithoutValidation(name, "v");
        }

        request.Headers.TryAddWithoutValidation("Connection", "keep-alive");
        SigningTrace first = SignerTestKit.Sign(request);
        SigningTrace second = SignerTestKit.Sign(request);

        string[] expected = [.. names.Select(n => n.ToLowerInvariant()).Append("host").Append("x-amz-date").Order(StringComparer.Ordinal)];
        SignerTestKit.SignedHeaders(first).Split(';').ShouldBe(expected);
        second.CanonicalRequest.ShouldBe(first.CanonicalRequest);
    }

    [Fact]
    public async Task Sign_RequestSentBySocketsHttpHandler_SignsTheHeadersAsTheyArriveOnTheWire()
    {
        using var wire = new WireCapture();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{wire.Port}/items?b=2&a=1");
        request.Headers.Add("X-Multi", ["bar", "baz"]);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/plain");
        request.Headers.UserAgent.ParseAdd("app/1.0 (linux) other/2.0");
        request.Headers.TryAddWithoutValidation("X-Spaces", "  a   b \t c  ");
        request.Content = new StringContent("{\"k\":1}", Encoding.UTF8, "application/json");
        SigningTrace trace = SignerTestKit.Sign(request);

        (List<KeyValuePair<string, string>> sent, byte[] body) = await wire.SendAsync(request);

        body.ShouldBe(Encoding.UTF8.GetBytes("{\"k\":1}"));
        string[] signedNames = SignerTestKit.SignedHeaders(trace).Split(';');
        signedNames.ShouldBe(["accept", "content-type", "host", "x-amz-date", "x-multi", "x-spaces"]);
        string[] fromWire = signedNames
            .Select(name => name + ":" + Collapse(string.Join(',', sent.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value.Trim()))))
            .ToArray();
        SignerTestKit.CanonicalHeaderLines(trace).ShouldBe(fromWire);
        sent.ShouldContain(h => h.Key == "Authorization");
    }

    [Fact]
    public void Sign_MultiValueHeader_JoinsWithCommaSpaceAsHttpClientSends()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        request.Headers.Add("X-Multi", ["value2", "value2", "value1"]);

        SigningTrace trace = SignerTestKit.Sign(request);

        SignerTestKit.CanonicalHeaderLines(trace).ShouldContain("x-multi:value2, value2, value1");
    }

    [Fact]
    public void Sign_UserAgent_IsNotSigned()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        request.Headers.UserAgent.ParseAdd("app/1.0 other/2.0");

        SigningTrace trace = SignerTestKit.Sign(request);

        SignerTestKit.SignedHeaders(trace).ShouldBe("host;x-amz-date");
        request.Headers.UserAgent.ToString().ShouldBe("app/1.0 other/2.0");
    }

    [Theory]
    [InlineData("Connection", "keep-alive")]
    [InlineData("Keep-Alive", "timeout=5")]
    [InlineData("Proxy-Connection", "keep-alive")]
    [InlineData("Proxy-Authorization", "Basic Zm9vOmJhcg==")]
    [InlineData("TE", "trailers")]
    [InlineData("Trailer", "X-Checksum")]
    [InlineData("Transfer-Encoding", "chunked")]
    [InlineData("Upgrade", "h2c")]
    [InlineData("Expect", "100-continue")]
    [InlineData("Via", "1.1 proxy")]
    [InlineData("X-Forwarded-For", "10.0.0.1")]
    [InlineData("X-Forwarded-Port", "443")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793")]
    public void Sign_HopByHopOrProxyHeader_IsNotSigned(string name, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        request.Headers.TryAddWithoutValidation(name, value).ShouldBeTrue();

        SigningTrace trace = SignerTestKit.Sign(request);

        SignerTestKit.SignedHeaders(trace).ShouldBe("host;x-amz-date");
    }

    [Fact]
    public void Sign_ContentHeaders_AreSignedAsSent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://example.amazonaws.com/doc");
        request.Content = new StringContent("hello", Encoding.UTF8, "text/plain");
        request.Content.Headers.ContentLanguage.Add("en");
        request.Content.Headers.TryAddWithoutValidation("x-amz-meta-owner", "me").ShouldBeTrue();

        SigningTrace trace = SignerTestKit.Sign(request);

        SignerTestKit.CanonicalHeaderLines(trace).ShouldBe(
        [
            "content-language:en",
            "content-type:text/plain; charset=utf-8",
            "host:example.amazonaws.com",
            "x-amz-date:20261122T120000Z",
            "x-amz-meta-owner:me",
        ]);
    }

    [Fact]
    public void Sign_HeaderWhitespace_IsTrimmedAndCollapsed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        request.Headers.TryAddWithoutValidation("My-Header2", "  \"a   b \t\t c\"  ");

        SigningTrace trace = SignerTestKit.Sign(request);

        SignerTestKit.CanonicalHeaderLines(trace).ShouldContain("my-header2:\"a b c\"");
    }

    [Theory]
    [InlineData("https://example.amazonaws.com:8443/", "host:example.amazonaws.com:8443")]
    [InlineData("http://localhost:8080/", "host:localhost:8080")]
    [InlineData("https://example.amazonaws.com:443/", "host:example.amazonaws.com")]
    [InlineData("http://example.amazonaws.com:80/", "host:example.amazonaws.com")]
    [InlineData("https://Example.AmazonAWS.com/", "host:example.amazonaws.com")]
    public void Sign_Host_HasThePortOnlyWhenNotDefault(string url, string expectedLine)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        SigningTrace trace = SignerTestKit.Sign(request);

        SignerTestKit.CanonicalHeaderLines(trace).ShouldContain(expectedLine);
    }

    private static string Collapse(string value) => Whitespace().Replace(value.Trim(), " ");

    [GeneratedRegex("[ \t]+")]
    private static partial Regex Whitespace();
}
