using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>Path and query pitfalls (sigv4-peers-and-pitfalls.md §3, encoding).</summary>
public sealed class SigV4SignerPathAndQueryTests
{
    [Fact]
    public void Sign_PlusInQuery_StaysAnEncodedPlus()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/?q=a+b&r=a%2Bb&s=a%20b");

        SigningTrace trace = SignerTestKit.Sign(request);

        SignerTestKit.CanonicalQuery(trace).ShouldBe("q=a%2Bb&r=a%2Bb&s=a%20b");
    }

    [Fact]
    public void Sign_ValuelessQueryName_IsSignedWithEmptyValue()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://bucket.s3.amazonaws.com/key?uploads");

        SigningTrace trace = SignerTestKit.Sign(request, "s3");

        SignerTestKit.CanonicalQuery(trace).ShouldBe("uploads=");
    }

    [Fact]
    public void Sign_RepeatedAndEmptyQueryNames_AreAllKept()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/?a=2&a=1&a=&b");

        SigningTrace trace = SignerTestKit.Sign(request);

        SignerTestKit.CanonicalQuery(trace).ShouldBe("a=&a=1&a=2&b=");
    }

    [Theory]
    [InlineData("?b=2&a=x=y&a=1", "a=1&a=x%3Dy&b=2")]
    [InlineData("?z=1&&y=~._-&=v&x", "=v&x=&y=~._-&z=1")]
    [InlineData("?B=1&a=1&A=2", "A=2&B=1&a=1")]
    public void Sign_PlainQuery_IsCopiedAndSortedAndASecondEqualsSignIsEncoded(string query, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/" + query);

        SigningTrace trace = SignerTestKit.Sign(request);

        SignerTestKit.CanonicalQuery(trace).ShouldBe(expected);
    }

    [Fact]
    public void Sign_QueryNames_AreSortedAfterEncoding()
    {
        // Decoded, "ሴ" sorts after "Z" and "a"; encoded, "%E1%88%B4" sorts first (the bug of smithy-rs#4237).
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/?a=3&Z=1&%E1%88%B4=2&k=%E1%88%B4&k=Z");

        SigningTrace trace = SignerTestKit.Sign(request);

        SignerTestKit.CanonicalQuery(trace).ShouldBe("%E1%88%B4=2&Z=1&a=3&k=%E1%88%B4&k=Z");
    }

    [Fact]
    public void Sign_ReservedQueryCharacters_AreEncodedWithUppercaseHex()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/?k=!*'()@:/%3d%26");

        SigningTrace trace = SignerTestKit.Sign(request);

        SignerTestKit.CanonicalQuery(trace).ShouldBe("k=%21%2A%27%28%29%40%3A%2F%3D%26");
    }

    [Theory]
    [InlineData("execute-api", "/%21%2A%27%28%29/%40connections/id%3D1")]
    [InlineData("s3", "/%21%2A%27%28%29/%40connections/id%3D1")]
    public void Sign_ReservedCharactersInPath_AreEncoded(string service, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/!*'()/@connections/id=1");
        request.RequestUri!.AbsolutePath.ShouldBe("/!*'()/@connections/id=1");

        SigningTrace trace = SignerTestKit.Sign(request, service);

        SignerTestKit.CanonicalPath(trace).ShouldBe(expected);
    }

    [Theory]
    [InlineData("execute-api", "/a%2540b/%25E1%2588%25B4/c%2520d")]
    [InlineData("s3", "/a%40b/%E1%88%B4/c%20d")]
    public void Sign_PercentEncodedPath_IsDoubleEncodedExceptForS3(string service, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/a%40b/ሴ/c d");
        request.RequestUri!.AbsolutePath.ShouldBe("/a%40b/%E1%88%B4/c%20d");

        SigningTrace trace = SignerTestKit.Sign(request, service);

        SignerTestKit.CanonicalPath(trace).ShouldBe(expected);
    }

    [Theory]
    [InlineData("execute-api", "/a/b/")]
    [InlineData("lambda", "/a/b/")]
    [InlineData("s3", "/a//b//")]
    [InlineData("s3-object-lambda", "/a//b//")]
    public void Sign_DoubleSlashInPath_IsCollapsedExceptForS3(string service, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/a//b//");
        request.RequestUri!.AbsolutePath.ShouldBe("/a//b//");

        SigningTrace trace = SignerTestKit.Sign(request, service);

        SignerTestKit.CanonicalPath(trace).ShouldBe(expected);
    }

    [Theory]
    [InlineData("/a/b/..", "/a")]
    [InlineData("/a/b/../", "/a/")]
    [InlineData("/a/b/.", "/a/b")]
    [InlineData("/a/./b/", "/a/b/")]
    [InlineData("/a/..", "/")]
    [InlineData("/..", "/")]
    public void Sign_DotSegmentsSentVerbatim_AreRemovedLikeBotocoreAndSmithy(string path, string expected)
    {
        var uri = new Uri("https://example.amazonaws.com" + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);

        SigningTrace trace = SignerTestKit.Sign(request);

        SignerTestKit.CanonicalPath(trace).ShouldBe(expected);
    }
}
