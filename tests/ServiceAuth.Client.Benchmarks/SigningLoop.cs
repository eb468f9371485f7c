using System.Diagnostics;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// Signs the GET of <see cref="SigningBenchmarks"/> in a loop for a fixed time and prints the mean
/// (<c>dotnet run -c Release -- signing-loop</c>): a steady process to profile, for example under
/// <c>perf record -g</c> with <c>DOTNET_PerfMapEnabled=1</c> (see docs/performance.md). <c>signing-loop three</c> signs
/// the three-header GET instead, <c>signing-loop floor</c> runs that GET's write floor.
/// </summary>
internal static class SigningLoop
{
    public static void Run(TimeSpan duration, string? shape = null)
    {
        SigningCase get = shape is null ? SigningCase.Get() : SigningCase.GetWithoutContentSha256();
        if (shape is null)
        {
            get.Verify();
        }

        Func<object> sign = shape == "floor" ? () => get.WriteFloor() : get.SignOurs;
        long start = Stopwatch.GetTimestamp();
        long operations = 0;
        while (Stopwatch.GetElapsedTime(start) < duration)
        {
            for (int i = 0; i < 1000; i++)
            {
                sign();
            }

            operations += 1000;
        }

        Console.WriteLine($"GET signed {operations:N0} times, {Stopwatch.GetElapsedTime(start).TotalNanoseconds / operations:F0} ns each");
    }
}
