using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

public sealed class SigV4aSignerTests
{
    private static readonly SigV4Signer Signer = new();

    [Fact]
    public void Sign_SigV4a_UsesTheEcdsaAlgorithmAScopeWithoutRegionAndASignedRegionSet()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://mrap.accesspoint.s3-global.amazonaws.com/key");
        var trace = new SigningTrace();

        Signer.Sign(request, SignerTestKit.Credentials, Parameters("*"), trace);

        string authorization = request.Headers.GetValues("Authorization").Single();
        authorization.ShouldStartWith("AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE/20261122/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-region-set, Signature=30");
        request.Headers.GetValues("X-Amz-Region-Set").ShouldBe(["*"]);
        trace.StringToSign.Split('\n')[..3].ShouldBe(["AWS4-ECDSA-P256-SHA256", "20261122T120000Z", "20261122/s3/aws4_request"]);
        trace.Signature.Length.ShouldBeInRange(136, 144);
    }

    [Fact]
    public void Sign_Twice_ReplacesTheRegionSet()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        Signer.Sign(request, SignerTestKit.Credentials, Parameters("us-east-1"));

        Signer.Sign(request, SignerTestKit.Credentials, Parameters("us-east-1,eu-west-1"));

        request.Headers.GetValues("X-Amz-Region-Set").ShouldBe(["us-east-1,eu-west-1"]);
        request.Headers.GetValues("Authorization").Count().ShouldBe(1);
    }

    [Fact]
    public void Sign_SigV4aWithoutRegionSet_SignsForTheRegion()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");

        Signer.Sign(request, SignerTestKit.Credentials, new SigV4SigningParameters { Region = "eu-west-1", Service = "execute-api", SigningTime = SignerTestKit.Time, Algorithm = SignatureAlgorithm.SigV4a });

        request.Headers.GetValues("X-Amz-Region-Set").ShouldBe(["eu-west-1"]);
    }

    [Theory]
    [InlineData("us-east-1, eu-west-1")]
    [InlineData("us-east-1\r\nx-evil: 1")]
    [InlineData("")]
    [InlineData("us-east-1,")]
    public void Sign_InvalidRegionSet_Throws(string regionSet)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");

        Should.Throw<SigningException>(() => Signer.Sign(request, SignerTestKit.Credentials, Parameters(regionSet))).Message.ShouldContain("region set");
    }

    [Fact]
    public void Presign_SigV4a_CarriesAlgorithmCredentialAndRegionSetInTheQuery()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/a?b=1");

        Uri url = Signer.Presign(request, SignerTestKit.CredentialsWithToken, Parameters("us-*"), TimeSpan.FromMinutes(10));

        url.Query.ShouldContain("X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256");
        url.Query.ShouldContain("X-Amz-Credential=AKIDEXAMPLE%2F20261122%2Fs3%2Faws4_request");
        url.Query.ShouldContain("X-Amz-Region-Set=us-%2A");
        url.Query.ShouldContain("X-Amz-Security-Token=");
        url.Query.ShouldContain("&X-Amz-Signature=30");
    }

    [Fact]
    public void Sign_UnknownAlgorithm_Throws()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        var parameters = new SigV4SigningParameters { Region = "eu-west-1", Service = "s3", SigningTime = SignerTestKit.Time, Algorithm = (SignatureAlgorithm)7 };

        Should.Throw<SigningException>(() => Signer.Sign(request, SignerTestKit.Credentials, parameters));
    }

    private static SigV4SigningParameters Parameters(string regionSet) => new()
    {
        Region = "eu-west-1",
        Service = "s3",
        SigningTime = SignerTestKit.Time,
        Algorithm = SignatureAlgorithm.SigV4a,
        RegionSet = regionSet,
    };
}
