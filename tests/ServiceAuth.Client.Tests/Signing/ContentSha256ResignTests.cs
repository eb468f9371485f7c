using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Signing;

public sealed class ContentSha256ResignTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sign_AgainWithOtherBodyAfterOwnHeader_RecomputesHash()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://bucket.s3.eu-west-1.amazonaws.com/key") { Content = new ByteArrayContent("first"u8.ToArray()) };
        SigV4Signer.Shared.Sign(request, TestCredentials.Immutable(), Parameters("s3", PayloadSigningMode.Sha256));
        string first = request.Headers.GetValues("x-amz-content-sha256").Single();

        request.Content = new ByteArrayContent("second"u8.ToArray());
        SigV4Signer.Shared.Sign(request, TestCredentials.Immutable(), Parameters("s3", PayloadSigningMode.Sha256));

        string second = request.Headers.GetValues("x-amz-content-sha256").Single();
        second.ShouldNotBe(first);
        second.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("second"u8)));
    }

    [Fact]
    public void Sign_AgainWithUnsignedPayload_ReplacesOwnHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://bucket.s3.eu-west-1.amazonaws.com/key") { Content = new ByteArrayContent("x"u8.ToArray()) };
        SigV4Signer.Shared.Sign(request, TestCredentials.Immutable(), Parameters("s3", PayloadSigningMode.Sha256));

        SigV4Signer.Shared.Sign(request, TestCredentials.Immutable(), Parameters("s3", PayloadSigningMode.UnsignedPayload));

        request.Headers.GetValues("x-amz-content-sha256").ShouldBe(["UNSIGNED-PAYLOAD"]);
    }

    [Fact]
    public void Sign_CallerPrecomputedHash_IsKeptAcrossSignings()
    {
        const string precomputed = "0000000000000000000000000000000000000000000000000000000000000001";
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://bucket.s3.eu-west-1.amazonaws.com/key") { Content = new ByteArrayContent("x"u8.ToArray()) };
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", precomputed);

        SigV4Signer.Shared.Sign(request, TestCredentials.Immutable(), Parameters("s3", PayloadSigningMode.Sha256));
        SigV4Signer.Shared.Sign(request, TestCredentials.Immutable(), Parameters("s3", PayloadSigningMode.Sha256));

        request.Headers.GetValues("x-amz-content-sha256").ShouldBe([precomputed]);
    }

    private static SigV4SigningParameters Parameters(string service, PayloadSigningMode mode) =>
        new() { Region = "eu-west-1", Service = service, SigningTime = Now, PayloadSigning = mode };
}
