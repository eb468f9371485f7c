using System.Diagnostics;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// The loopback handler comparison of <see cref="HandlerBenchmarks"/>, with the three clients measured in turn
/// (<c>dotnet run -c Release -- handler-interleaved</c>): several rounds of a few seconds each, unsigned, wire floor,
/// handler floor and signed one after the other, so that a slow stretch of a shared machine falls on every client alike rather than on
/// whichever one BenchmarkDotNet happened to be running.
/// </summary>
internal static class HandlerInterleaved
{
    private const int Rounds = 6;
    private static readonly TimeSpan RoundLength = TimeSpan.FromSeconds(4);

    public static void Run()
    {
        var benchmarks = new HandlerBenchmarks();
        benchmarks.Setup();
        try
        {
            Measure("Sequential", 64, benchmarks.Sequential_Unsigned, benchmarks.Sequential_SameHeaders, benchmarks.Sequential_HashFloor, benchmarks.Sequential_Signed);
            Measure("8 concurrent", 128, benchmarks.Concurrent_Unsigned, benchmarks.Concurrent_SameHeaders, benchmarks.Concurrent_HashFloor, benchmarks.Concurrent_Signed);
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static void Measure(string load, int requestsPerCall, params Func<Task>[] clients)
    {
        string[] names = ["unsigned", "wire floor", "handler floor", "signed"];
        var totals = new double[clients.Length];
        var requests = new long[clients.Length];
        foreach (Func<Task> client in clients)
        {
            for (int i = 0; i < 500; i++)
            {
                client().GetAwaiter().GetResult();
            }
        }

        for (int round = 0; round < Rounds; round++)
        {
            for (int c = 0; c < clients.Length; c++)
            {
                long start = Stopwatch.GetTimestamp();
                while (Stopwatch.GetElapsedTime(start) < RoundLength)
                {
                    clients[c]().GetAwaiter().GetResult();
                    requests[c] += requestsPerCall;
                }

                totals[c] += Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }

        double unsigned = totals[0] / requests[0];
        double handlerFloor = totals[2] / requests[2];
        for (int c = 0; c < clients.Length; c++)
        {
            double mean = totals[c] / requests[c];
            Console.WriteLine($"{load,-13} {names[c],-14} {mean,8:F2} µs/request  ratio {mean / unsigned:F3}  × handler floor {mean / handlerFloor:F3}");
        }
    }
}
