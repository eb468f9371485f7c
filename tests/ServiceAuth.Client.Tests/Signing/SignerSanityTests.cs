using System.Net.Http.Headers;
using Amazon.Runtime;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>
/// A tiny guard for performance work on the signer: two published AWS vectors must still sign exactly. The full
/// conformance suite lives elsewhere; this only catches an optimization that changes a signature.
/// </summary>
public sealed class SignerSanityTests
{
    private static readonly ImmutableCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);

    private static readonly DateTimeOffset SigningTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Fact]
    public void Iam_ListUsers_documentation_example_signs_exactly()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08")
        {
            Content = new ByteArrayContent([]),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");
        var trace = new SigningTrace();

        new SigV4Signer().Sign(request, Credentials, Parameters("us-east-1", "iam"), trace);

        trace.Signature.ShouldBe("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
        Authorization(request).ShouldBe(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    [Fact]
    public void Get_vanilla_vector_signs_exactly()
    {
        // aws-signing-test-suite/v4/get-vanilla.
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        var trace = new SigningTrace();

        new SigV4Signer().Sign(request, Credentials, Parameters("us-east-1", "service"), trace);

        trace.CanonicalRequest.ShouldBe("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        trace.StringToSign.ShouldBe("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
        Authorization(request).ShouldBe(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    [Fact]
    public void Signing_again_replaces_the_earlier_signature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        var signer = new SigV4Signer();

        signer.Sign(request, Credentials, Parameters("us-east-1", "service"));
        signer.Sign(request, Credentials, Parameters("us-east-1", "service"));

        request.Headers.NonValidated["Authorization"].Count.ShouldBe(1);
        request.Headers.NonValidated["X-Amz-Date"].Count.ShouldBe(1);
        Authorization(request).ShouldEndWith("Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    [Fact]
    public void Header_values_are_trimmed_and_inner_whitespace_collapsed()
    {
        // aws-signing-test-suite/v4/get-header-value-trim, plus tabs and a long value.
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        request.Headers.TryAddWithoutValidation("My-Header1", " value1");
        request.Headers.TryAddWithoutValidation("My-Header2", " \"a   b   c\"");
        request.Headers.TryAddWithoutValidation("My-Header3", "x \t\t y" + new string('z', 900) + "  \t");
        var trace = new SigningTrace();

        new SigV4Signer().Sign(request, Credentials, Parameters("us-east-1", "service"), trace);

        trace.CanonicalRequest.ShouldContain("my-header1:value1\nmy-header2:\"a b c\"\nmy-header3:x y" + new string('z', 900) + "\n");
    }

    [Fact]
    public void Reused_and_concurrent_signing_keys_sign_exactly()
    {
        // The signer reuses keyed HMAC instances per cached key: alternate keys and sign concurrently.
        var signer = new SigV4Signer(signingKeyCacheSize: 2);
        string[] regions = ["us-east-1", "eu-west-1", "ap-south-1"];
        string[] expected = regions.Select(region => SignVanilla(new SigV4Signer(), region)).ToArray();

        Parallel.For(0, 600, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            SignVanilla(signer, regions[i % regions.Length]).ShouldBe(expected[i % regions.Length]));

        expected[0].ShouldEndWith("Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    private static string SignVanilla(SigV4Signer signer, string region)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        signer.Sign(request, Credentials, Parameters(region, "service"));
        return Authorization(request);
    }

    private static SigV4SigningParameters Parameters(string region, string service) => new()
    {
        Region = region,
        Service = service,
        SigningTime = SigningTime,
    };

    private static string Authorization(HttpRequestMessage request) => request.Headers.NonValidated["Authorization"].ToString();
}
