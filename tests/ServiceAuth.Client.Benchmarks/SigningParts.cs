using System.Diagnostics;
using Amazon.Runtime;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// The managed steps of our GET signature timed one by one, in one process (<c>dotnet run -c Release --
/// signing-parts</c>): each step alone on warm data, best of many short batches, beside the whole signature and the
/// write floor, to see where the time over the floor goes. Steering only: the steps overlap a little (a step timed alone
/// finds everything in cache).
/// </summary>
internal static class SigningParts
{
    public static void Run()
    {
        SigningCase three = SigningCase.GetWithoutContentSha256();
        ImmutableCredentials credentials = BenchmarkData.Credentials;
        var parameters = new SigV4SigningParameters { Region = BenchmarkData.Region, Service = BenchmarkData.Service, SigningTime = BenchmarkData.SigningTimeUtc };
        var signer = new SigV4Signer();
        var request = new HttpRequestMessage(HttpMethod.Get, BenchmarkData.GetUri);
        Uri uri = request.RequestUri!;
        string amzDate = AmzDateText.Get(parameters.SigningTime);
        SigningKey key = signer.KeyCache.GetSigningKey(credentials.SecretKey, amzDate.AsSpan(0, 8), parameters.Region, parameters.Service);
        var own = new OwnHeaders(amzDate, credentials.Token, null, null, key.CanonicalToken(credentials.Token));
        byte[] signedHeaders = "host;x-amz-date;x-amz-security-token"u8.ToArray();
        byte[] signature = new byte[64];
        Array.Fill(signature, (byte)'a');
        var keys = new SigningKeys(signer.KeyCache, signer.SigV4aKeyCache);
        var trace = new SigningTrace();
        signer.Sign(new HttpRequestMessage(HttpMethod.Get, BenchmarkData.GetUri), credentials, parameters, trace);
        byte[] canonical = System.Text.Encoding.UTF8.GetBytes(trace.CanonicalRequest);
        string authorization = "AWS4-HMAC-SHA256 Credential=" + new string('a', 150);
        var written = new HttpRequestMessage(HttpMethod.Get, BenchmarkData.GetUri);
        byte[] signatureOut = new byte[SignatureWriter.MaxHexLength];
        (string Name, Action Step)[] steps =
        [
            ("ours, 3 headers (whole)", () => three.SignOurs()),
            ("its write floor (whole)", () => three.WriteFloor()),
            ("hash floor", () => three.ReusedContextFloor()),
            ("AmzDateText.Get", () => AmzDateText.Get(parameters.SigningTime)),
            ("key lookup", () => signer.KeyCache.GetSigningKey(credentials.SecretKey, amzDate.AsSpan(0, 8), parameters.Region, parameters.Service)),
            ("CanonicalToken", () => key.CanonicalToken(credentials.Token)),
            ("buffer + method + path", () => Builder((ref ByteBuilder b) => { b.Append("GET"); b.Append((byte)'\n'); CanonicalPath.Append(ref b, uri.AbsolutePath, true); })),
            ("plain query", () => Builder((ref ByteBuilder b) => PlainQuery.TryAppend(ref b, uri.Query.AsSpan(1)))),
            ("own headers only", () => Builder((ref ByteBuilder b) => OwnHeadersOnly.TryAppend(ref b, request, uri, own, out _, out _))),
            ("string to sign + hashes", () => SignatureWriter.Sign(canonical, amzDate, parameters, credentials, keys, signatureOut, null, key)),
            ("header writes as ours", () =>
            {
                System.Net.Http.Headers.HttpRequestHeaders headers = written.Headers;
                headers.Remove("X-Amz-Date");
                headers.Remove("X-Amz-Security-Token");
                headers.Remove("Authorization");
                headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
                headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
                headers.TryAddWithoutValidation("Authorization", authorization);
            }),
            ("Authorization string", () => SignatureWriter.Authorization(credentials.AccessKey, amzDate.AsSpan(0, 8), parameters, key, signedHeaders, signature)),
        ];
        var best = new double[steps.Length];
        Array.Fill(best, double.MaxValue);
        foreach ((_, Action step) in steps)
        {
            long until = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 2);
            while (Stopwatch.GetTimestamp() < until)
            {
                step();
            }
        }

        for (int round = 0; round < 400; round++)
        {
            for (int s = 0; s < steps.Length; s++)
            {
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < 200; i++)
                {
                    steps[s].Step();
                }

                best[s] = Math.Min(best[s], Stopwatch.GetElapsedTime(start).TotalNanoseconds / 200);
            }
        }

        for (int s = 0; s < steps.Length; s++)
        {
            Console.WriteLine($"{steps[s].Name,-26} {best[s],8:F0} ns");
        }
    }

    private delegate void Write(ref ByteBuilder builder);

    private static void Builder(Write write)
    {
        ByteBuilder builder = ByteBuilder.OnThreadBuffer();
        try
        {
            write(ref builder);
        }
        finally
        {
            builder.Dispose();
        }
    }
}
