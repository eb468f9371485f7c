using System.Diagnostics;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// Signs the GET of <see cref="SigningBenchmarks"/> in a loop for a fixed time and prints the mean
/// (<c>dotnet run -c Release -- signing-loop</c>): a steady process to profile, for example under
/// <c>perf record -g</c> with <c>DOTNET_PerfMapEnabled=1</c> (see docs/performance.md).
/// </summary>
internal static class SigningLoop
{
    public static void Run(TimeSpan duration)
    {
        SigningCase get = SigningCase.Get();
        get.Verify();
        long start = Stopwatch.GetTimestamp();
        long operations = 0;
        while (Stopwatch.GetElapsedTime(start) < duration)
        {
            for (int i = 0; i < 1000; i++)
            {
                get.SignOurs();
            }

            operations += 1000;
        }

        Console.WriteLine($"GET signed {operations:N0} times, {Stopwatch.GetElapsedTime(start).TotalNanoseconds / operations:F0} ns each");
    }
}
