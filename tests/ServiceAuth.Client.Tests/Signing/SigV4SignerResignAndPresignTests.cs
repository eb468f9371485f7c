using Amazon.Runtime;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Tests.Conformance;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>Re-signing (retries) and presigned URL pitfalls (sigv4-peers-and-pitfalls.md §3.7, encoding).</summary>
public sealed class SigV4SignerResignAndPresignTests
{
    [Fact]
    public void Sign_Twice_ReplacesTheSigningHeadersAndDropsAStaleToken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        var signer = new SigV4Signer();
        signer.Sign(request, SignerTestKit.CredentialsWithToken, SignerTestKit.Parameters());
        string first = request.Headers.GetValues("Authorization").Single();
        SigV4SigningParameters later = new() { Region = "eu-west-1", Service = "execute-api", SigningTime = SignerTestKit.Time.AddMinutes(5) };

        signer.Sign(request, SignerTestKit.Credentials, later);

        request.Headers.GetValues("Authorization").Single().ShouldNotBe(first);
        request.Headers.GetValues("X-Amz-Date").ShouldBe(["20261122T120500Z"]);
        request.Headers.Contains("X-Amz-Security-Token").ShouldBeFalse();
        request.Headers.GetValues("Authorization").Single().ShouldContain("SignedHeaders=host;x-amz-date,");
    }

    [Fact]
    public void Sign_TwiceWithAToken_KeepsOneTokenHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        var signer = new SigV4Signer();
        var renewed = new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "renewed");
        signer.Sign(request, SignerTestKit.CredentialsWithToken, SignerTestKit.Parameters());

        signer.Sign(request, renewed, SignerTestKit.Parameters());

        request.Headers.GetValues("X-Amz-Security-Token").ShouldBe(["renewed"]);
        request.Headers.GetValues("X-Amz-Date").Count().ShouldBe(1);
        request.Headers.GetValues("Authorization").Count().ShouldBe(1);
    }

    [Fact]
    public void Presign_QueryValuesWithReservedCharacters_StayEncodedInTheUrl()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/path?x=a%3Db%26c&y=1%2B1&uploads");

        Uri url = new SigV4Signer().Presign(request, SignerTestKit.CredentialsWithToken, SignerTestKit.Parameters(), TimeSpan.FromMinutes(15));

        string[] pairs = url.Query.TrimStart('?').Split('&');
        pairs.ShouldContain("x=a%3Db%26c");
        pairs.ShouldContain("y=1%2B1");
        pairs.ShouldContain("uploads=");
        pairs.ShouldContain("X-Amz-Security-Token=token%2Fwith%2Breserved%3D");
        pairs.ShouldContain("X-Amz-Credential=AKIDEXAMPLE%2F20261122%2Feu-west-1%2Fexecute-api%2Faws4_request");
        SigV4Reference.DecodeQuery(url.Query).ShouldContain(new KeyValuePair<string, string>("x", "a=b&c"));
    }

    [Fact]
    public void Presign_Url_CarriesTheSignatureOfItsOwnCanonicalRequest()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/a%20b?k=v");
        var trace = new SigningTrace();

        Uri url = new SigV4Signer().Presign(request, SignerTestKit.Credentials, SignerTestKit.Parameters(), TimeSpan.FromHours(1), trace);

        string withoutSignature = string.Join('&', url.Query.TrimStart('?').Split('&').Where(p => !p.StartsWith("X-Amz-Signature=", StringComparison.Ordinal)));
        string canonical = $"GET\n/a%2520b\n{withoutSignature}\nhost:example.amazonaws.com\n\nhost\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        trace.CanonicalRequest.ShouldBe(canonical);
        string stringToSign = SigV4Reference.StringToSign(canonical, "20261122T120000Z", "eu-west-1", "execute-api");
        url.Query.ShouldEndWith("&X-Amz-Signature=" + SigV4Reference.Signature(SignerTestKit.Credentials.SecretKey, stringToSign, "20261122", "eu-west-1", "execute-api"));
        url.AbsolutePath.ShouldBe("/a%20b");
    }

    [Fact]
    public void Presign_S3_SignsUnsignedPayloadAndLeavesTheRequestAlone()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://bucket.s3.amazonaws.com/key");
        var trace = new SigningTrace();

        new SigV4Signer().Presign(request, SignerTestKit.Credentials, SignerTestKit.Parameters("s3"), TimeSpan.FromHours(1), trace);

        SignerTestKit.PayloadHash(trace).ShouldBe("UNSIGNED-PAYLOAD");
        request.Headers.ShouldBeEmpty();
    }
}
