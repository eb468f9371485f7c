using System.Diagnostics;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// A quick, noise-tolerant check for a shared machine (<c>dotnet run -c Release -- quick</c>): many short samples of each
/// signing path, reporting the fastest sample per operation (preemption only ever adds time) and the bytes allocated
/// per operation. Not a substitute for the BenchmarkDotNet run; a way to compare while iterating.
/// </summary>
internal static class QuickCheck
{
    private const int Samples = 2000;

    public static void Run()
    {
        SigningCase get = SigningCase.Get();
        SigningCase post1KiB = SigningCase.PostJson1KiB();
        SigningCase post1MiB = SigningCase.PostBinary1MiB();
        get.Verify();
        post1KiB.Verify();
        post1MiB.Verify();

        Console.WriteLine($"{"Case",-34} {"min ns/op",12} {"B/op",8}");
        Measure("GET ours", 50, () => get.SignOurs());
        Measure("GET AWSSigV4Signer", 20, () => get.SignFacade());
        Measure("GET AWS4Signer", 20, () => get.SignAws4());
        Measure("GET floor (reused contexts)", 50, () => get.ReusedContextFloor());
        Measure("GET floor (one-shot calls)", 50, () => get.OneShotFloor());
        // The native crypto calls alone: one-shot versus a reused incremental instance.
        byte[] canon = new byte[1200];
        byte[] key = new byte[32];
        byte[] sts = new byte[150];
        byte[] d = new byte[32];
        Measure("  SHA256 1200 B", 50, () => System.Security.Cryptography.SHA256.HashData(canon, d));
        Measure("  SHA256 0 B", 50, () => System.Security.Cryptography.SHA256.HashData(ReadOnlySpan<byte>.Empty, d));
        Measure("  HMACSHA256 150 B", 50, () => System.Security.Cryptography.HMACSHA256.HashData(key, sts, d));
        var ih = System.Security.Cryptography.IncrementalHash.CreateHMAC(System.Security.Cryptography.HashAlgorithmName.SHA256, key);
        Measure("  IncrementalHash HMAC 150 B", 50, () => { ih.AppendData(sts); return ih.GetHashAndReset(d); });
        var ish = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        Measure("  IncrementalHash SHA 1200 B", 50, () => { ish.AppendData(canon); return ish.GetHashAndReset(d); });
        // Parts of our GET signature.
        HttpRequestMessage req = get.SignOurs();
        Measure("  CanonicalHeaders.Append", 50, () =>
        {
            var b = new ServiceAuth.Client.Signing.Internal.ByteBuilder(1024);
            ServiceAuth.Client.Signing.Internal.CanonicalHeaders.Append(ref b, req, req.RequestUri!);
            b.Dispose();
            return d;
        });
        Measure("  AppendTrimmed(token)", 50, () =>
        {
            var b = new ServiceAuth.Client.Signing.Internal.ByteBuilder(1024);
            ServiceAuth.Client.Signing.Internal.HeaderValue.AppendTrimmed(ref b, BenchmarkData.SessionToken);
            b.Dispose();
            return d;
        });
        Measure("  header remove/add x3", 50, () =>
        {
            var h = req.Headers;
            h.Remove("Authorization");
            h.Remove("X-Amz-Date");
            h.Remove("X-Amz-Security-Token");
            h.TryAddWithoutValidation("X-Amz-Date", "20240501T120000Z");
            h.TryAddWithoutValidation("X-Amz-Security-Token", BenchmarkData.SessionToken);
            h.TryAddWithoutValidation("Authorization", "x");
            return d;
        });
        Measure("  CanonicalQuery", 50, () =>
        {
            var b = new ServiceAuth.Client.Signing.Internal.ByteBuilder(1024);
            var q = new ServiceAuth.Client.Signing.Internal.CanonicalQuery(req.RequestUri!.Query, 0);
            q.WriteSorted(ref b);
            q.Dispose();
            b.Dispose();
            return d;
        });
        var v4a = new SigV4aBenchmarks();
        v4a.Setup();
        Measure("SigV4a GET warm key", 5, () => v4a.SignSigV4a());
        Measure("SigV4a ECDSA floor", 5, () => v4a.EcdsaFloor());
        Measure("SigV4a KDF only", 5, () => v4a.DeriveKey());
        Measure("SigV4a cold key (KDF + import)", 1, () => v4a.ColdKey());
        Measure("POST 1 KiB ours", 50, () => post1KiB.SignOurs());
        Measure("POST 1 KiB floor (reused)", 50, () => post1KiB.ReusedContextFloor());
        Measure("POST 1 MiB ours", 1, () => post1MiB.SignOurs());
        Measure("POST 1 MiB floor (reused)", 1, () => post1MiB.ReusedContextFloor());
        Measure("Hash 1 MiB ours", 1, () => post1MiB.HashPayloadOurs());
        Measure("Hash 1 MiB SHA256.HashData", 1, () => post1MiB.HashPayloadRaw());
        Paired("GET ours / reused-context floor", () => get.SignOurs(), () => get.ReusedContextFloor());
        Paired("POST 1 KiB ours / reused floor", () => post1KiB.SignOurs(), () => post1KiB.ReusedContextFloor());
    }

    /// <summary>Two paths sampled alternately, so that load on a shared machine hits both alike; prints both fastest
    /// samples and their ratio.</summary>
    private static void Paired(string name, Func<object> ours, Func<object> floor)
    {
        for (int i = 0; i < 3000; i++)
        {
            ours();
            floor();
        }

        double bestOurs = double.MaxValue;
        double bestFloor = double.MaxValue;
        for (int s = 0; s < Samples; s++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < 10; i++)
            {
                ours();
            }

            bestOurs = Math.Min(bestOurs, Stopwatch.GetElapsedTime(start).TotalNanoseconds / 10);
            start = Stopwatch.GetTimestamp();
            for (int i = 0; i < 10; i++)
            {
                floor();
            }

            bestFloor = Math.Min(bestFloor, Stopwatch.GetElapsedTime(start).TotalNanoseconds / 10);
        }

        Console.WriteLine($"{name,-34} {bestOurs,12:N0} / {bestFloor:N0} = {bestOurs / bestFloor:F2}x");
    }

    private static void Measure(string name, int operations, Func<object> action)
    {
        int samples = operations == 1 ? 200 : Samples;

        // Warm up for a quarter of a second as well, so that tiered compilation has promoted the path (dynamic PGO
        // included) before it is sampled: the first paths measured would otherwise be sampled partly on tier-0 code.
        long warmUntil = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 4);
        for (int i = 0; i < operations * 5 || Stopwatch.GetTimestamp() < warmUntil; i++)
        {
            action();
        }

        double best = double.MaxValue;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int s = 0; s < samples; s++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < operations; i++)
            {
                action();
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalNanoseconds / operations);
        }

        long allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / ((long)samples * operations);
        Console.WriteLine($"{name,-34} {best,12:N0} {allocated,8:N0}");
    }
}
