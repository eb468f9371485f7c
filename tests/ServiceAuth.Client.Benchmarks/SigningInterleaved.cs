using System.Diagnostics;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// The GET of <see cref="SigningBenchmarks"/> for steering on a shared machine (<c>dotnet run -c Release --
/// signing-interleaved</c>): our signer, the hash floor, the write floor and <c>AWSSigV4Signer</c> (and, for comparison,
/// our signer leaving the headers of the previous call in place, as the benchmark once let it, and the GET without
/// <c>x-amz-content-sha256</c> with its own write floor, and that floor with its hashes on OpenSSL directly, as our signer
/// does them on Linux) run alternately in
/// short batches, many times per round and for several rounds, so that load from other processes falls on all of them
/// alike. Each path keeps its fastest batch of each round (preemption only adds time); the ratios are taken round by
/// round and their best and median printed, with the bytes each path allocates per operation.
/// </summary>
internal static class SigningInterleaved
{
    private const int Rounds = 25;
    private const int BatchesPerRound = 40;

    public static void Run()
    {
        SigningCase get = SigningCase.Get();
        get.Verify();
        SigningCase three = SigningCase.GetWithoutContentSha256();
        three.VerifyWithoutContentSha256(get);
        OpenSslWriteFloor openSsl = three.OpenSslFloor();
        string[] names = ["ours", "hash floor", "write floor", "AWSSigV4Signer", "ours, headers kept", "ours, 3 headers", "its write floor", "OpenSSL write floor"];
        Action[] paths =
        [
            () => get.SignOurs(), () => get.ReusedContextFloor(), () => get.WriteFloor(), () => get.SignFacade(),
            () => get.SignOursKeepingHeaders(), () => three.SignOurs(), () => three.WriteFloor(), () => openSsl.WriteFloor(),
        ];
        int[] batch = [200, 200, 200, 40, 200, 200, 200, 200];
        long[] bytes = new long[paths.Length];
        for (int p = 0; p < paths.Length; p++)
        {
            Warm(paths[p]);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Time(paths[p], 1000);
            bytes[p] = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
        }

        var best = new double[Rounds, paths.Length];
        for (int round = 0; round < Rounds; round++)
        {
            for (int p = 0; p < paths.Length; p++)
            {
                best[round, p] = double.MaxValue;
            }

            for (int b = 0; b < BatchesPerRound; b++)
            {
                for (int p = 0; p < paths.Length; p++)
                {
                    best[round, p] = Math.Min(best[round, p], Time(paths[p], batch[p]));
                }
            }
        }

        for (int p = 0; p < paths.Length; p++)
        {
            double fastest = Enumerable.Range(0, Rounds).Min(r => best[r, p]);
            Console.WriteLine($"{names[p],-19} best {fastest,8:F0} ns  median round {Median(r => best[r, p]),8:F0} ns  {bytes[p],6} B/op");
        }

        Ratio("ours / hash floor", r => best[r, 0] / best[r, 1]);
        Ratio("ours / write floor", r => best[r, 0] / best[r, 2]);
        Ratio("write floor / hash floor", r => best[r, 2] / best[r, 1]);
        Ratio("AWSSigV4Signer / ours", r => best[r, 3] / best[r, 0]);
        Ratio("ours, headers kept / ours", r => best[r, 4] / best[r, 0]);
        Ratio("without x-amz-content-sha256: ours / write floor", r => best[r, 5] / best[r, 6]);
        Ratio("  the same over the OpenSSL write floor", r => best[r, 5] / best[r, 7]);
    }

    private static void Ratio(string name, Func<int, double> perRound)
    {
        double[] ratios = Enumerable.Range(0, Rounds).Select(perRound).Order().ToArray();
        Console.WriteLine($"{name,-50} median {ratios[Rounds / 2]:F3}  range {ratios[0]:F3}–{ratios[^1]:F3}");
    }

    private static double Median(Func<int, double> perRound) =>
        Enumerable.Range(0, Rounds).Select(perRound).Order().ElementAt(Rounds / 2);

    private static void Warm(Action path)
    {
        // Long enough for tiered compilation (dynamic PGO included) to promote the path before it is timed.
        long until = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 2);
        while (Stopwatch.GetTimestamp() < until)
        {
            path();
        }
    }

    private static double Time(Action path, int operations)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < operations; i++)
        {
            path();
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / operations;
    }
}
