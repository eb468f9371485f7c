using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Conformance;

/// <summary>
/// Runs every case of <c>aws-signing-test-suite/v4</c> (read from <c>../shared</c> or <c>SERVICEAUTH_SIGV4_SUITE</c>) in
/// header and query mode, checking the canonical request, the string to sign, the signature and the signed request.
/// </summary>
public sealed class SigningSuiteTests
{
    /// <summary>Cases an <see cref="HttpRequestMessage"/> cannot express, with the reason. They are not run.</summary>
    public static readonly IReadOnlyDictionary<string, string> Unrepresentable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["get-header-value-multiline"] =
            "A header value folded over several lines (obs-fold): SocketsHttpHandler refuses CR/LF in header values, so HttpClient cannot send it.",
    };

    /// <summary>
    /// Cases with a header repeated on several lines. HttpClient sends one line joined with <c>", "</c> and AWS signs what
    /// arrives (aws/aws-sdk-net#4493), so these are checked against the expected canonical request with that join, and
    /// against an independent signature of it, instead of the suite's <c>","</c>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> JoinedOnTheWire = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["get-header-key-duplicate"] = "Repeated My-Header1 lines go on the wire as one line joined with \", \".",
        ["get-header-value-order"] = "Repeated My-Header1 lines go on the wire as one line joined with \", \".",
    };

    private static readonly SigV4Signer Signer = new();

    public static TheoryData<string> RunnableCases()
    {
        var data = new TheoryData<string>();
        foreach (string name in SigningSuiteCase.AllNames())
        {
            if (!Unrepresentable.ContainsKey(name))
            {
                data.Add(name);
            }
        }

        return data;
    }

    [SigningSuiteFact]
    public void Suite_Location_HasEveryV4Case()
    {
        SigningSuiteLocation.IsPresent.ShouldBeTrue($"The AWS signing test suite is missing at {SigningSuiteLocation.SuiteDirectory} and CI is set.");
        string[] names = [.. SigningSuiteCase.AllNames()];
        names.Length.ShouldBe(38);
        (RunnableCases().Count + Unrepresentable.Count).ShouldBe(names.Length);
        Unrepresentable.Keys.Concat(JoinedOnTheWire.Keys).ShouldBeSubsetOf(names);
    }

    [SigningSuiteFact]
    public void Suite_UnrepresentableCases_HaveFoldedHeaders()
    {
        foreach (string name in Unrepresentable.Keys)
        {
            SigningSuiteCase.Load(name).Request.HasFoldedHeader.ShouldBeTrue(name);
        }
    }

    [SigningSuiteTheory]
    [MemberData(nameof(RunnableCases))]
    public void Sign_SuiteCase_MatchesExpectedHeaderSigning(string name)
    {
        SigningSuiteCase suiteCase = SigningSuiteCase.Load(name);
        AssertBodyRule(suiteCase);
        using HttpRequestMessage request = suiteCase.BuildRequest();
        var trace = new SigningTrace();

        Signer.Sign(request, suiteCase.Credentials, suiteCase.Parameters, trace);

        string expectedSignature = AssertTrace(suiteCase, "header", trace);
        List<KeyValuePair<string, string>> expectedHeaders = WireHeaders(HttpMessageText.Parse(suiteCase.Expected("header-signed-request.txt")).Headers);
        if (JoinedOnTheWire.ContainsKey(name))
        {
            int index = expectedHeaders.FindIndex(h => h.Key == "authorization");
            expectedHeaders[index] = new("authorization", expectedHeaders[index].Value.Replace(suiteCase.Expected("header-signature.txt"), expectedSignature, StringComparison.Ordinal));
        }

        ActualHeaders(request).ShouldBe(expectedHeaders, ignoreOrder: true);
    }

    [SigningSuiteTheory]
    [MemberData(nameof(RunnableCases))]
    public void Presign_SuiteCase_MatchesExpectedQuerySigning(string name)
    {
        SigningSuiteCase suiteCase = SigningSuiteCase.Load(name);
        AssertBodyRule(suiteCase);
        using HttpRequestMessage request = suiteCase.BuildRequest();
        var trace = new SigningTrace();

        Uri presigned = Signer.Presign(request, suiteCase.Credentials, suiteCase.Parameters, suiteCase.ExpiresIn, trace);

        string expectedSignature = AssertTrace(suiteCase, "query", trace);
        HttpMessageText expected = HttpMessageText.Parse(suiteCase.Expected("query-signed-request.txt"));
        Uri.UnescapeDataString(presigned.AbsolutePath).ShouldBe(expected.Path);
        List<KeyValuePair<string, string>> expectedQuery = Lowercase(SigV4Reference.DecodeQuery(expected.Query));
        int signatureIndex = expectedQuery.FindIndex(p => p.Key == "x-amz-signature");
        expectedQuery[signatureIndex] = new("x-amz-signature", expectedSignature);
        Lowercase(SigV4Reference.DecodeQuery(presigned.Query)).ShouldBe(expectedQuery, ignoreOrder: true);
    }

    /// <summary>Checks canonical request, string to sign and signature; returns the signature the request must carry.</summary>
    private static string AssertTrace(SigningSuiteCase suiteCase, string mode, SigningTrace trace)
    {
        string expectedCanonical = suiteCase.Expected($"{mode}-canonical-request.txt");
        string expectedStringToSign = suiteCase.Expected($"{mode}-string-to-sign.txt");
        string expectedSignature = suiteCase.Expected($"{mode}-signature.txt").Trim();
        if (JoinedOnTheWire.ContainsKey(suiteCase.Name))
        {
            // The suite's own files are consistent with the reference computation...
            SigV4Reference.StringToSign(expectedCanonical, AmzDateOf(suiteCase), suiteCase.Region, suiteCase.Service).ShouldBe(expectedStringToSign);
            SigV4Reference.Signature(suiteCase.Credentials.SecretKey, expectedStringToSign, AmzDateOf(suiteCase)[..8], suiteCase.Region, suiteCase.Service).ShouldBe(expectedSignature);

            // ...and the signer signs the same request with the header joined as HttpClient sends it.
            expectedCanonical = JoinRepeatedHeaderWithCommaSpace(expectedCanonical, "my-header1:");
            expectedStringToSign = SigV4Reference.StringToSign(expectedCanonical, AmzDateOf(suiteCase), suiteCase.Region, suiteCase.Service);
            expectedSignature = SigV4Reference.Signature(suiteCase.Credentials.SecretKey, expectedStringToSign, AmzDateOf(suiteCase)[..8], suiteCase.Region, suiteCase.Service);
        }

        trace.CanonicalRequest.ShouldBe(expectedCanonical, $"{suiteCase.Name} ({mode}): canonical request");
        trace.StringToSign.ShouldBe(expectedStringToSign, $"{suiteCase.Name} ({mode}): string to sign");
        trace.Signature.ShouldBe(expectedSignature, $"{suiteCase.Name} ({mode}): signature");
        return expectedSignature;
    }

    internal static void AssertBodyRule(SigningSuiteCase suiteCase)
    {
        // sign_body=false means the payload hash is the empty-string SHA-256: only cases without a body use it.
        if (!suiteCase.SignBody)
        {
            suiteCase.Request.Body.ShouldBeEmpty(suiteCase.Name);
        }
    }

    internal static string AmzDateOf(SigningSuiteCase suiteCase) =>
        suiteCase.Timestamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    internal static string JoinRepeatedHeaderWithCommaSpace(string canonicalRequest, string linePrefix)
    {
        string[] lines = canonicalRequest.Split('\n');
        int index = Array.FindIndex(lines, l => l.StartsWith(linePrefix, StringComparison.Ordinal));
        index.ShouldBeGreaterThan(0);
        lines[index] = linePrefix + string.Join(", ", lines[index][linePrefix.Length..].Split(','));
        return string.Join('\n', lines);
    }

    /// <summary>The expected headers as HttpClient puts them on the wire: names lowercased, values trimmed, repeated
    /// names on one line joined with <c>", "</c>.</summary>
    internal static List<KeyValuePair<string, string>> WireHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var joined = new List<KeyValuePair<string, string>>();
        foreach (KeyValuePair<string, string> header in headers)
        {
            string name = header.Key.ToLowerInvariant();
            int existing = joined.FindIndex(h => h.Key == name);
            if (existing >= 0)
            {
                joined[existing] = new(name, joined[existing].Value + ", " + header.Value.Trim());
            }
            else
            {
                joined.Add(new(name, header.Value.Trim()));
            }
        }

        return joined;
    }

    internal static List<KeyValuePair<string, string>> ActualHeaders(HttpRequestMessage request)
    {
        var headers = new List<KeyValuePair<string, string>> { new("host", request.RequestUri!.Authority) };
        foreach (KeyValuePair<string, System.Net.Http.Headers.HeaderStringValues> header in request.Headers.NonValidated)
        {
            headers.Add(new(header.Key.ToLowerInvariant(), header.Value.ToString().Trim()));
        }

        foreach (KeyValuePair<string, System.Net.Http.Headers.HeaderStringValues> header in request.Content?.Headers.NonValidated ?? [])
        {
            headers.Add(new(header.Key.ToLowerInvariant(), header.Value.ToString().Trim()));
        }

        return headers;
    }

    internal static List<KeyValuePair<string, string>> Lowercase(List<KeyValuePair<string, string>> pairs) =>
        pairs.ConvertAll(p => new KeyValuePair<string, string>(p.Key.ToLowerInvariant(), p.Value));
}
