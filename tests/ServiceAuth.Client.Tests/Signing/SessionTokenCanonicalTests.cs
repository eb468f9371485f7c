using Amazon.Runtime;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>
/// The signed session token's canonical bytes are kept on the signing key: the token of each signature must be the one
/// of its own credentials, trimmed as any header value, and the bytes must go when the key leaves the cache.
/// </summary>
public sealed class SessionTokenCanonicalTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private static readonly SigV4SigningParameters Parameters = new()
    {
        Region = "us-east-1",
        Service = "execute-api",
        SigningTime = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Sign_SameSecretWithAnotherToken_SignsTheTokenOfEachCredentials()
    {
        var signer = new SigV4Signer();

        string first = CanonicalRequest(signer, new ImmutableCredentials("AKIDEXAMPLE", Secret, "FirstToken"));
        string second = CanonicalRequest(signer, new ImmutableCredentials("AKIDEXAMPLE", Secret, "SecondToken"));

        first.ShouldContain("\nx-amz-security-token:FirstToken\n");
        second.ShouldContain("\nx-amz-security-token:SecondToken\n");
        second.ShouldBe(CanonicalRequest(new SigV4Signer(), new ImmutableCredentials("AKIDEXAMPLE", Secret, "SecondToken")));
    }

    [Fact]
    public void Sign_TokenWithWhitespace_SignsItTrimmedAndCollapsed()
    {
        string canonical = CanonicalRequest(new SigV4Signer(), new ImmutableCredentials("AKIDEXAMPLE", Secret, "  Token  with   spaces "));

        canonical.ShouldContain("\nx-amz-security-token:Token with spaces\n");
    }

    [Fact]
    public void CanonicalToken_EqualTokenInAnotherString_ReusesTheBytes()
    {
        var key = new SigningKey(new byte[32], "20240501/us-east-1/execute-api/aws4_request");
        byte[] kept = key.CanonicalToken(new string("Token".AsSpan()));

        key.CanonicalToken(new string("Token".AsSpan())).ShouldBeSameAs(kept);
        key.CanonicalToken("Other").ShouldNotBeSameAs(kept);
    }

    [Fact]
    public void CanonicalToken_KeyRetired_IsNotKeptAnyMore()
    {
        var key = new SigningKey(new byte[32], "20240501/us-east-1/execute-api/aws4_request");
        byte[] kept = key.CanonicalToken("Token");
        key.CanonicalToken("Token").ShouldBeSameAs(kept);

        key.Retire();
        byte[] afterRetire = key.CanonicalToken("Token");

        afterRetire.ShouldNotBeSameAs(kept);
        key.CanonicalToken("Token").ShouldNotBeSameAs(afterRetire);
        System.Text.Encoding.ASCII.GetString(afterRetire).ShouldBe("Token");
    }

    private static string CanonicalRequest(SigV4Signer signer, ImmutableCredentials credentials)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://abcdef1234.execute-api.us-east-1.amazonaws.com/prod/items");
        var trace = new SigningTrace();
        signer.Sign(request, credentials, Parameters, trace);
        return trace.CanonicalRequest!;
    }
}
