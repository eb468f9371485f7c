using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Conformance;

/// <summary>
/// Runs every case of <c>aws-signing-test-suite/v4a</c> in header and query mode. ECDSA signatures are randomized, so
/// the canonical request and the string to sign are compared byte for byte, the derived public key is compared with
/// <c>public-key.json</c>, our signature is verified with that key, and the case's own signature with our derived key.
/// </summary>
public sealed class SigningSuiteV4aTests
{
    /// <summary>Folders that are not run, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotRun = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["get-header-value-multiline"] = SigningSuiteTests.Unrepresentable["get-header-value-multiline"],
        ["get-vanilla-query-order-key"] = "Data only: request.txt and context.json without expected files (aws-c-auth does not run it either).",
        ["get-vanilla-query-order-value"] = "Data only: request.txt and context.json without expected files (aws-c-auth does not run it either).",
    };

    private static readonly SigV4Signer Signer = new();

    public static TheoryData<string> RunnableCases()
    {
        var data = new TheoryData<string>();
        foreach (string name in SigningSuiteCase.AllV4aNames().Where(n => !NotRun.ContainsKey(n)))
        {
            data.Add(name);
        }

        return data;
    }

    [SigningSuiteFact]
    public void Suite_HasEveryV4aCase_AndTheSkippedOnesCannotRun()
    {
        string[] names = [.. SigningSuiteCase.AllV4aNames()];
        names.Length.ShouldBe(40);
        (RunnableCases().Count + NotRun.Count).ShouldBe(names.Length);
        SigningSuiteCase.LoadV4a("get-header-value-multiline").Request.HasFoldedHeader.ShouldBeTrue();
        foreach (string dataOnly in new[] { "get-vanilla-query-order-key", "get-vanilla-query-order-value" })
        {
            File.Exists(Path.Combine(SigningSuiteLocation.V4aDirectory, dataOnly, "header-canonical-request.txt")).ShouldBeFalse(dataOnly);
        }
    }

    [SigningSuiteTheory]
    [MemberData(nameof(RunnableCases))]
    public void DeriveKey_SuiteCredentials_GivesThePublicKeyOfTheCase(string name)
    {
        SigningSuiteCase suiteCase = SigningSuiteCase.LoadV4a(name);

        ECPoint derived = Signer.SigV4aKeyCache.Get(suiteCase.Credentials.AccessKey, suiteCase.Credentials.SecretKey).PublicKey();

        ECPoint expected = ExpectedPublicKey(suiteCase);
        Convert.ToHexStringLower(derived.X!).ShouldBe(Convert.ToHexStringLower(expected.X!));
        Convert.ToHexStringLower(derived.Y!).ShouldBe(Convert.ToHexStringLower(expected.Y!));
    }

    [SigningSuiteTheory]
    [MemberData(nameof(RunnableCases))]
    public void Sign_V4aCase_MatchesExpectedHeaderSigning(string name)
    {
        SigningSuiteCase suiteCase = SigningSuiteCase.LoadV4a(name);
        SigningSuiteTests.AssertBodyRule(suiteCase);
        using HttpRequestMessage request = suiteCase.BuildRequest();
        var trace = new SigningTrace();

        Signer.Sign(request, suiteCase.Credentials, suiteCase.Parameters, trace);

        AssertTrace(suiteCase, "header", trace);
        List<KeyValuePair<string, string>> expected = SigningSuiteTests.WireHeaders(HttpMessageText.Parse(suiteCase.Expected("header-signed-request.txt")).Headers);
        int index = expected.FindIndex(h => h.Key == "authorization");
        string authorization = expected[index].Value;
        expected[index] = new("authorization", authorization[..(authorization.IndexOf("Signature=", StringComparison.Ordinal) + 10)] + trace.Signature);
        SigningSuiteTests.ActualHeaders(request).ShouldBe(expected, ignoreOrder: true);
    }

    [SigningSuiteTheory]
    [MemberData(nameof(RunnableCases))]
    public void Presign_V4aCase_MatchesExpectedQuerySigning(string name)
    {
        SigningSuiteCase suiteCase = SigningSuiteCase.LoadV4a(name);
        SigningSuiteTests.AssertBodyRule(suiteCase);
        using HttpRequestMessage request = suiteCase.BuildRequest();
        var trace = new SigningTrace();

        Uri presigned = Signer.Presign(request, suiteCase.Credentials, suiteCase.Parameters, suiteCase.ExpiresIn, trace);

        AssertTrace(suiteCase, "query", trace);
        HttpMessageText expected = HttpMessageText.Parse(suiteCase.Expected("query-signed-request.txt"));
        Uri.UnescapeDataString(presigned.AbsolutePath).ShouldBe(expected.Path);
        List<KeyValuePair<string, string>> expectedQuery = SigningSuiteTests.Lowercase(SigV4Reference.DecodeQuery(expected.Query));
        int signatureIndex = expectedQuery.FindIndex(p => p.Key == "x-amz-signature");
        expectedQuery[signatureIndex] = new("x-amz-signature", trace.Signature);
        SigningSuiteTests.Lowercase(SigV4Reference.DecodeQuery(presigned.Query)).ShouldBe(expectedQuery, ignoreOrder: true);
    }

    /// <summary>Checks the canonical request and string to sign byte for byte, then both signatures by verification.</summary>
    private static void AssertTrace(SigningSuiteCase suiteCase, string mode, SigningTrace trace)
    {
        string expectedCanonical = suiteCase.Expected($"{mode}-canonical-request.txt");
        string expectedStringToSign = suiteCase.Expected($"{mode}-string-to-sign.txt");
        string caseSignature = suiteCase.Expected($"{mode}-signature.txt").Trim();
        using ECDsa ours = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = Signer.SigV4aKeyCache.Get(suiteCase.Credentials.AccessKey, suiteCase.Credentials.SecretKey).PublicKey(),
        });
        Verify(ours, expectedStringToSign, caseSignature).ShouldBeTrue($"{suiteCase.Name} ({mode}): the case's signature, verified with our derived key");
        if (SigningSuiteTests.JoinedOnTheWire.ContainsKey(suiteCase.Name))
        {
            // The signer signs the request with the header joined as HttpClient sends it.
            expectedCanonical = SigningSuiteTests.JoinRepeatedHeaderWithCommaSpace(expectedCanonical, "my-header1:");
            expectedStringToSign = StringToSign(expectedCanonical, SigningSuiteTests.AmzDateOf(suiteCase), suiteCase.Service);
        }

        trace.CanonicalRequest.ShouldBe(expectedCanonical, $"{suiteCase.Name} ({mode}): canonical request");
        trace.StringToSign.ShouldBe(expectedStringToSign, $"{suiteCase.Name} ({mode}): string to sign");
        using ECDsa published = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = ExpectedPublicKey(suiteCase) });
        Verify(published, trace.StringToSign, trace.Signature).ShouldBeTrue($"{suiteCase.Name} ({mode}): our signature, verified with public-key.json");
        Verify(published, trace.StringToSign + "x", trace.Signature).ShouldBeFalse("a signature over another string must not verify");
    }

    private static bool Verify(ECDsa key, string stringToSign, string signatureHex) =>
        key.VerifyData(Encoding.UTF8.GetBytes(stringToSign), Convert.FromHexString(signatureHex), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    private static string StringToSign(string canonicalRequest, string amzDate, string service) =>
        "AWS4-ECDSA-P256-SHA256\n" + amzDate + "\n" + amzDate[..8] + "/" + service + "/aws4_request\n" +
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

    private static ECPoint ExpectedPublicKey(SigningSuiteCase suiteCase)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(suiteCase.Directory, "public-key.json")));
        return new ECPoint
        {
            X = Convert.FromHexString(json.RootElement.GetProperty("X").GetString()!),
            Y = Convert.FromHexString(json.RootElement.GetProperty("Y").GetString()!),
        };
    }
}
