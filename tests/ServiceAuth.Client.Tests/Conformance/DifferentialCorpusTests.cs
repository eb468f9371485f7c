using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.Conformance;

/// <summary>
/// Signs every request of the differential corpus (random requests on which botocore and @smithy/signature-v4 agree) and
/// requires the same canonical request, signature and signed request, for 100% of them.
/// </summary>
public sealed class DifferentialCorpusTests
{
    private static readonly HashSet<string> ContentHeaderNames = new(StringComparer.OrdinalIgnoreCase) { "Content-Type", "Content-Language" };

    private static readonly Lazy<DifferentialCorpus> Corpus = new(() =>
        JsonSerializer.Deserialize<DifferentialCorpus>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "sigv4-differential-corpus.json")))!);

    private static readonly SigV4Signer Signer = new();

    [Fact]
    public void Corpus_Size_IsAtLeast2000WithBothModesAndS3()
    {
        List<DifferentialCorpusCase> cases = Corpus.Value.Cases;
        cases.Count.ShouldBeGreaterThanOrEqualTo(2000);
        cases.Count(c => c.Mode == "presign").ShouldBeGreaterThan(500);
        cases.Count(c => SigV4Constants.IsS3Family(c.Service)).ShouldBeGreaterThan(500);
        cases.Count(c => c.Token is not null).ShouldBeGreaterThan(500);
        cases.Count(c => c.Verbatim).ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Corpus_Uri_KeepsTheWirePathAndQuery()
    {
        var mismatches = new List<string>();
        foreach (DifferentialCorpusCase c in Corpus.Value.Cases)
        {
            Uri uri = WireUri(c);
            if (uri.AbsolutePath != c.Path || uri.Query != (c.Query.Length == 0 ? string.Empty : "?" + c.Query))
            {
                mismatches.Add($"#{c.Id} verbatim={c.Verbatim}: {c.Path}?{c.Query} became {uri.AbsolutePath}{uri.Query}");
            }
        }

        mismatches.ShouldBeEmpty(string.Join('\n', mismatches.Take(10)));
    }

    [Fact]
    public async Task Sign_EveryHeaderCase_MatchesBotocoreAndSmithy()
    {
        List<string> failures = [];
        int count = 0;
        foreach (DifferentialCorpusCase c in Corpus.Value.Cases.Where(c => c.Mode == "header"))
        {
            count++;
            using HttpRequestMessage request = BuildRequest(c);
            var trace = new SigningTrace();
            Signer.Sign(request, Credentials(c), Parameters(c), trace);
            var problems = new StringBuilder();
            Check(problems, "canonical request", c.CanonicalRequest, trace.CanonicalRequest);
            Check(problems, "signature", c.Signature, trace.Signature);
            foreach (List<string> added in c.AddedHeaders!)
            {
                string? actual = request.Headers.NonValidated.TryGetValues(added[0], out System.Net.Http.Headers.HeaderStringValues values) ? values.ToString() : null;
                Check(problems, added[0], added[1], actual);
            }

            // The public asynchronous path signs the same.
            using HttpRequestMessage again = BuildRequest(c);
            await Signer.SignAsync(again, Credentials(c), Parameters(c));
            Check(problems, "SignAsync authorization", c.Authorization!, again.Headers.NonValidated.TryGetValues("Authorization", out System.Net.Http.Headers.HeaderStringValues authorization) ? authorization.ToString() : null);
            if (problems.Length > 0)
            {
                failures.Add($"#{c.Id} {c.Method} {c.Url} ({c.Service}):{problems}");
            }
        }

        count.ShouldBeGreaterThan(1000);
        failures.ShouldBeEmpty($"{failures.Count} of {count} header cases differ:\n" + string.Join('\n', failures.Take(5)));
    }

    [Fact]
    public void Presign_EveryQueryCase_MatchesBotocoreAndSmithy()
    {
        List<string> failures = [];
        int count = 0;
        foreach (DifferentialCorpusCase c in Corpus.Value.Cases.Where(c => c.Mode == "presign"))
        {
            count++;
            using HttpRequestMessage request = BuildRequest(c);
            var trace = new SigningTrace();
            Uri presigned = Signer.Presign(request, Credentials(c), Parameters(c), TimeSpan.FromSeconds(c.Expires!.Value), trace);
            var problems = new StringBuilder();
            Check(problems, "canonical request", c.CanonicalRequest, trace.CanonicalRequest);
            Check(problems, "signature", c.Signature, trace.Signature);
            Check(problems, "path", c.Path, presigned.AbsolutePath);
            string expectedQuery = string.Join('&', SigV4Reference.DecodeQuery(c.PresignedQuery!).Select(p => p.Key + "=" + p.Value).Order(StringComparer.Ordinal));
            string actualQuery = string.Join('&', SigV4Reference.DecodeQuery(presigned.Query).Select(p => p.Key + "=" + p.Value).Order(StringComparer.Ordinal));
            Check(problems, "presigned query", expectedQuery, actualQuery);
            if (problems.Length > 0)
            {
                failures.Add($"#{c.Id} {c.Method} {c.Url} ({c.Service}):{problems}");
            }
        }

        count.ShouldBeGreaterThan(500);
        failures.ShouldBeEmpty($"{failures.Count} of {count} presign cases differ:\n" + string.Join('\n', failures.Take(5)));
    }

    private static void Check(StringBuilder problems, string what, string expected, string? actual)
    {
        if (expected != actual)
        {
            problems.Append($"\n  {what}: expected\n{expected}\n  but was\n{actual}");
        }
    }

    private static Uri WireUri(DifferentialCorpusCase c) =>
        c.Verbatim ? new Uri(c.Url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }) : new Uri(c.Url);

    private static HttpRequestMessage BuildRequest(DifferentialCorpusCase c)
    {
        var request = new HttpRequestMessage(new HttpMethod(c.Method), WireUri(c));
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(Convert.FromBase64String(c.Body));
        }

        foreach (List<string> header in c.Headers)
        {
            bool added = ContentHeaderNames.Contains(header[0])
                ? request.Content!.Headers.TryAddWithoutValidation(header[0], header[1])
                : request.Headers.TryAddWithoutValidation(header[0], header[1]);
            added.ShouldBeTrue($"#{c.Id}: {header[0]} refused");
        }

        return request;
    }

    private static ImmutableCredentials Credentials(DifferentialCorpusCase c) => new(c.AccessKey, c.SecretKey, c.Token);

    private static SigV4SigningParameters Parameters(DifferentialCorpusCase c) => new()
    {
        Region = c.Region,
        Service = c.Service,
        SigningTime = c.Time,
        PayloadSigning = c.UnsignedPayload ? PayloadSigningMode.UnsignedPayload : PayloadSigningMode.Sha256,
        AddContentSha256Header = c.ContentSha256Header,
    };
}
