using System.Text;
using System.Text.Json;
using ServiceAuth.Client.Testing.Internal;
using ServiceAuth.Client.Testing.Internal.Auth;
using ServiceAuth.Client.Testing.Internal.Identity;

namespace ServiceAuth.Client.IntegrationTests.Testing;

/// <summary>Checks the endpoint's independent verifier against published vectors, not against our own signer.</summary>
public sealed class VerifierVectorTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    [Fact]
    public void ReferenceSnsVector_Verifies()
    {
        // docs/reference aws-query-wire-and-sns-publishers.md, A5: produced by both the .NET SDK and @smithy/signature-v4.
        string body = "Action=Publish&Version=2010-03-31&Message=x&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aorders";
        var request = new WireRequest("POST", "/", Headers(
            ("Host", "sns.us-east-1.amazonaws.com"),
            ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            ("X-Amz-Date", "20260102T030405Z"),
            ("X-Amz-Security-Token", "FQoGZXIvYXdzEXAMPLESESSIONTOKEN"),
            ("X-Amz-Content-SHA256", "6ada5b3229a70054f81ff883133fd2bc1576b4e7db9bc102e605c5d6c86aff5c"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-east-1/sns/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=3a50152cb4ed3139be81edcd34051fa7ad8e77fa74eb16c9cf1e55bc7c3d6ead")),
            Encoding.UTF8.GetBytes(body));

        (KeyRecord? caller, _, AuthFailure? failure) = SigV4Verifier.Verify(request, Store("FQoGZXIvYXdzEXAMPLESESSIONTOKEN"), new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), TimeSpan.FromMinutes(5), "us-east-1", "sns");

        failure.ShouldBeNull(failure?.Message);
        caller!.AccessKeyId.ShouldBe("AKIDEXAMPLE");
    }

    [SigningSuiteFact]
    public void AwsSigningTestSuite_HeaderAndQueryVectors_Verify()
    {
        string suite = FindSuite();
        var failures = new List<string>();
        int verified = 0;
        foreach (string dir in Directory.GetDirectories(Path.Combine(suite, "v4")).Order(StringComparer.Ordinal))
        {
            using JsonDocument context = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "context.json")));
            if (!context.RootElement.GetProperty("normalize").GetBoolean())
            {
                continue; // S3-style unnormalized paths: the endpoint always normalizes (API Gateway, STS, SNS).
            }

            string? token = context.RootElement.GetProperty("credentials").TryGetProperty("token", out JsonElement t) ? t.GetString() : null;
            bool tokenAfterSigning = context.RootElement.TryGetProperty("omit_session_token", out JsonElement omit) && omit.GetBoolean();
            foreach (string file in new[] { "header-signed-request.txt", "query-signed-request.txt" })
            {
                if (tokenAfterSigning)
                {
                    // An unsigned X-Amz-Security-Token (query parameter or header): the endpoint, like the services it
                    // stands for, requires the session token to be signed.
                    continue;
                }

                WireRequest request = ParseRequest(File.ReadAllText(Path.Combine(dir, file)));
                (_, _, AuthFailure? failure) = SigV4Verifier.Verify(request, Store(token), new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero), TimeSpan.FromMinutes(5), "us-east-1", "service");
                if (failure is not null)
                {
                    failures.Add($"{Path.GetFileName(dir)}/{file}: {failure.Kind} {failure.Message} {failure.CanonicalRequest}");
                }

                verified++;
            }
        }

        failures.ShouldBeEmpty();
        verified.ShouldBeGreaterThan(50);
    }

    [SigningSuiteFact]
    public void AwsSigningTestSuite_V4aSignedRequests_VerifyWithTheIndependentVerifier()
    {
        var failures = new List<string>();
        int verified = 0;
        foreach (string dir in Directory.GetDirectories(Path.Combine(FindSuite(), "v4a")).Order(StringComparer.Ordinal))
        {
            using JsonDocument context = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "context.json")));
            if (!context.RootElement.GetProperty("normalize").GetBoolean() || !File.Exists(Path.Combine(dir, "header-signed-request.txt")))
            {
                continue; // Unnormalized (S3-style) paths as for v4, and the two data-only folders.
            }

            string? token = context.RootElement.GetProperty("credentials").TryGetProperty("token", out JsonElement t) ? t.GetString() : null;
            bool tokenAfterSigning = context.RootElement.TryGetProperty("omit_session_token", out JsonElement omit) && omit.GetBoolean();
            foreach (string file in new[] { "header-signed-request.txt", "query-signed-request.txt" })
            {
                if (tokenAfterSigning)
                {
                    continue; // An unsigned X-Amz-Security-Token: the endpoint requires the session token to be signed.
                }

                WireRequest request = ParseRequest(File.ReadAllText(Path.Combine(dir, file)));
                (_, SigV4Authorization? auth, AuthFailure? failure) = SigV4Verifier.Verify(request, Store(token), new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero), TimeSpan.FromMinutes(5), "us-east-1");
                auth?.IsSigV4a.ShouldBeTrue(dir);
                if (failure is not null)
                {
                    failures.Add($"{Path.GetFileName(dir)}/{file}: {failure.Kind} {failure.Message} {failure.CanonicalRequest}");
                }

                verified++;
            }
        }

        failures.ShouldBeEmpty();
        verified.ShouldBeGreaterThan(50);
    }

    [SigningSuiteFact]
    public void AwsSigningTestSuite_V4aPublicKey_IsDerivedByTheIndependentVerifier()
    {
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(FindSuite(), "v4a", "get-vanilla", "public-key.json")));
        using System.Security.Cryptography.ECDsa key = SigV4aPublicKey.Create("AKIDEXAMPLE", Secret);

        System.Security.Cryptography.ECPoint q = key.ExportParameters(false).Q;

        Convert.ToHexStringLower(q.X!).ShouldBe(expected.RootElement.GetProperty("X").GetString());
        Convert.ToHexStringLower(q.Y!).ShouldBe(expected.RootElement.GetProperty("Y").GetString());
    }

    [SigningSuiteFact]
    public void AwsSigningTestSuite_V4aRequestOutsideTheRegionSet_IsRefused()
    {
        WireRequest request = ParseRequest(File.ReadAllText(Path.Combine(FindSuite(), "v4a", "get-vanilla", "header-signed-request.txt")));

        (_, _, AuthFailure? failure) = SigV4Verifier.Verify(request, Store(null), new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero), TimeSpan.FromMinutes(5), "eu-west-1");

        failure.ShouldNotBeNull().Kind.ShouldBe(AuthFailureKind.SignatureDoesNotMatch);
    }

    private static IdentityStore Store(string? token)
    {
        var store = new IdentityStore();
        store.Add(new KeyRecord
        {
            AccessKeyId = "AKIDEXAMPLE",
            SecretAccessKey = Secret,
            SessionToken = token,
            PrincipalArn = "arn:aws:iam::123456789012:user/example",
            CallerArn = "arn:aws:iam::123456789012:user/example",
            AccountId = "123456789012",
            UserId = "AIDAEXAMPLE",
        });
        return store;
    }

    private static List<KeyValuePair<string, string>> Headers(params (string Name, string Value)[] headers) =>
        [.. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))];

    /// <summary>Parses the suite's request text as aws-c-auth does: raw path, headers split at the first ':', folded lines.</summary>
    private static WireRequest ParseRequest(string text)
    {
        text = text.Replace("\r", string.Empty, StringComparison.Ordinal);
        int headerEnd = text.IndexOf("\n\n", StringComparison.Ordinal);
        string head = headerEnd < 0 ? text.TrimEnd('\n') : text[..headerEnd];
        string body = headerEnd < 0 ? string.Empty : text[(headerEnd + 2)..];
        string[] lines = head.Split('\n');
        string requestLine = lines[0];
        string method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        string target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(' ')];
        var headers = new List<KeyValuePair<string, string>>();
        foreach (string line in lines.Skip(1))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]))
            {
                KeyValuePair<string, string> last = headers[^1];
                headers[^1] = new(last.Key, last.Value + "\n" + line);
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }

        return new WireRequest(method, target, headers, Encoding.UTF8.GetBytes(body));
    }

    private static string FindSuite() =>
        SigningSuiteLocation.IsPresent ? SigningSuiteLocation.SuiteDirectory : throw new DirectoryNotFoundException("AWS signing test suite not found at " + SigningSuiteLocation.SuiteDirectory);
}
