using System.Diagnostics;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// The pipelines of <see cref="ReceivingSideBenchmarks"/> measured in alternated batches in one process
/// (<c>dotnet run -c Release -- receiving-interleaved</c>): every round runs one batch of each pipeline in turn, so a slow
/// stretch of a shared machine falls on all of them alike; prints the best and the median batch of each, with the ratios
/// the issue sets (the IAM cached path over the floor, Cognito over plain JwtBearer). For steering; BenchmarkDotNet gives
/// the recorded numbers.
/// </summary>
internal static class ReceivingInterleaved
{
    private const int Rounds = 40;
    private const int Batch = 400;

    public static async Task RunAsync()
    {
        var bench = new ReceivingSideBenchmarks();
        await bench.Setup();
        (string Name, Func<Task<int>> Request)[] pipelines =
        [
            ("no authentication", bench.NoAuthentication),
            ("floor", bench.Floor),
            ("AddJwtBearer", bench.JwtBearer),
            ("Cognito", bench.Cognito),
            ("IAM identity token, cached", bench.IamIdentityTokenCached),
        ];
        var batches = pipelines.Select(_ => new List<double>()).ToArray();
        for (int round = -2; round < Rounds; round++)
        {
            for (int p = 0; p < pipelines.Length; p++)
            {
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < Batch; i++)
                {
                    await pipelines[p].Request();
                }

                if (round >= 0)
                {
                    batches[p].Add(Stopwatch.GetElapsedTime(start).TotalNanoseconds / Batch);
                }
            }
        }

        await bench.Cleanup();
        double[] best = [.. batches.Select(b => b.Min())];
        double[] median = [.. batches.Select(b => b.Order().ElementAt(b.Count / 2))];
        for (int p = 0; p < pipelines.Length; p++)
        {
            Console.WriteLine($"{pipelines[p].Name,-28} best {best[p],9:F0} ns   median {median[p],9:F0} ns");
        }

        Console.WriteLine($"IAM cached / floor:     best {best[4] / best[1]:F3}   median {median[4] / median[1]:F3}   (goal ≤ 1.25)");
        Console.WriteLine($"Cognito / AddJwtBearer: best {best[3] / best[2]:F3}   median {median[3] / median[2]:F3}   (goal ≤ 1.10)");
    }
}
