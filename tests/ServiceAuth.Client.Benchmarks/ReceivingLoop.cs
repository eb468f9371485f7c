using System.Diagnostics;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// One pipeline of <see cref="ReceivingSideBenchmarks"/> in a loop for a fixed time (<c>dotnet run -c Release --
/// receiving-loop iam|cognito|jwt|floor|none</c>): a steady process to profile, for example under
/// <c>perf record -g</c> with <c>DOTNET_PerfMapEnabled=1</c> (see docs/performance.md).
/// </summary>
internal static class ReceivingLoop
{
    public static async Task RunAsync(string pipeline, TimeSpan duration)
    {
        var bench = new ReceivingSideBenchmarks();
        await bench.Setup();
        Func<Task<int>> request = pipeline switch
        {
            "iam" => bench.IamIdentityTokenCached,
            "cognito" => bench.Cognito,
            "jwt" => bench.JwtBearer,
            "floor" => bench.Floor,
            _ => bench.NoAuthentication,
        };
        long start = Stopwatch.GetTimestamp();
        long requests = 0;
        var batches = new List<double>();
        while (Stopwatch.GetElapsedTime(start) < duration)
        {
            long batch = Stopwatch.GetTimestamp();
            for (int i = 0; i < 200; i++)
            {
                await request();
            }

            batches.Add(Stopwatch.GetElapsedTime(batch).TotalNanoseconds / 200);
            requests += 200;
        }

        batches.Sort();
        Console.WriteLine($"batches of 200: min {batches[0]:F0}, p10 {batches[batches.Count / 10]:F0}, median {batches[batches.Count / 2]:F0}, p90 {batches[batches.Count * 9 / 10]:F0} ns");

        Console.WriteLine($"{pipeline}: {requests:N0} requests, {Stopwatch.GetElapsedTime(start).TotalNanoseconds / requests:F0} ns each");
        await bench.Cleanup();
    }
}
