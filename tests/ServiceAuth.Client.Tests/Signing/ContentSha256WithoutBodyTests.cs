using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Tests.Support;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>Requests whose payload hash needs no body read (no content, or <c>UNSIGNED-PAYLOAD</c>): the signer takes
/// that hash before it looks for <c>x-amz-content-sha256</c>, and starts over when the request carries one.</summary>
public sealed class ContentSha256WithoutBodyTests
{
    private const string Precomputed = "0000000000000000000000000000000000000000000000000000000000000002";
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(PayloadSigningMode.Sha256)]
    [InlineData(PayloadSigningMode.UnsignedPayload)]
    public void Get_CallerPrecomputedHash_IsSignedAsThePayloadHash(PayloadSigningMode mode)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/items");
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", Precomputed);
        var trace = new SigningTrace();

        SigV4Signer.Shared.Sign(request, TestCredentials.Immutable(), Parameters("execute-api", mode), trace);

        trace.CanonicalRequest.ShouldEndWith("\n" + Precomputed);
        trace.CanonicalRequest.ShouldContain("x-amz-content-sha256:" + Precomputed + "\n");
        request.Headers.GetValues("x-amz-content-sha256").ShouldBe([Precomputed]);
    }

    [Fact]
    public async Task GetAsync_CallerPrecomputedHash_IsSignedAsThePayloadHash()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/items");
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", Precomputed);
        using var expected = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/items");
        expected.Headers.TryAddWithoutValidation("x-amz-content-sha256", Precomputed);
        var trace = new SigningTrace();
        SigV4Signer.Shared.Sign(expected, TestCredentials.Immutable(), Parameters("execute-api", PayloadSigningMode.Sha256), trace);

        await SigV4Signer.Shared.SignAsync(request, TestCredentials.Immutable(), Parameters("execute-api", PayloadSigningMode.Sha256));

        trace.CanonicalRequest.ShouldEndWith("\n" + Precomputed);
        request.Headers.GetValues("Authorization").Single().ShouldBe(expected.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public void S3Get_SignedAgain_RecomputesItsOwnHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://bucket.s3.eu-west-1.amazonaws.com/key");
        SigV4Signer.Shared.Sign(request, TestCredentials.Immutable(), Parameters("s3", PayloadSigningMode.Sha256));
        request.Headers.GetValues("x-amz-content-sha256").ShouldBe([EmptyHash]);
        var trace = new SigningTrace();

        SigV4Signer.Shared.Sign(request, TestCredentials.Immutable(), Parameters("s3", PayloadSigningMode.UnsignedPayload), trace);

        trace.CanonicalRequest.ShouldEndWith("\nUNSIGNED-PAYLOAD");
        request.Headers.GetValues("x-amz-content-sha256").ShouldBe(["UNSIGNED-PAYLOAD"]);
    }

    [Fact]
    public async Task S3GetAsync_SignedAgain_GivesTheFirstSignature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://bucket.s3.eu-west-1.amazonaws.com/key");
        await SigV4Signer.Shared.SignAsync(request, TestCredentials.Immutable(), Parameters("s3", PayloadSigningMode.Sha256));
        string first = request.Headers.GetValues("Authorization").Single();

        await SigV4Signer.Shared.SignAsync(request, TestCredentials.Immutable(), Parameters("s3", PayloadSigningMode.Sha256));

        request.Headers.GetValues("Authorization").Single().ShouldBe(first);
        request.Headers.GetValues("x-amz-content-sha256").ShouldBe([EmptyHash]);
    }

    private static SigV4SigningParameters Parameters(string service, PayloadSigningMode mode) =>
        new() { Region = "eu-west-1", Service = service, SigningTime = Now, PayloadSigning = mode };
}
