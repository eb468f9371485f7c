namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// Bytes allocated per request on each receiving-side pipeline (<c>dotnet run -c Release -- receiving-alloc</c>): the
/// whole process's allocations over many sequential requests, so TestServer's thread hops are counted. For steering
/// while iterating; the BenchmarkDotNet run (<see cref="ReceivingSideBenchmarks"/>) gives the numbers.
/// </summary>
internal static class ReceivingQuickCheck
{
    private const int Requests = 20_000;

    public static async Task RunAsync()
    {
        var bench = new ReceivingSideBenchmarks();
        await bench.Setup();
        Console.WriteLine($"identity token: {ReceivingSideBenchmarks.IdentityToken.Length} characters");
        await MeasureAsync("no authentication", bench.NoAuthentication);
        await MeasureAsync("floor", bench.Floor);
        await MeasureAsync("AddJwtBearer", bench.JwtBearer);
        await MeasureAsync("Cognito", bench.Cognito);
        await MeasureAsync("IAM identity token, cached", bench.IamIdentityTokenCached);
        await bench.Cleanup();
    }

    private static async Task MeasureAsync(string name, Func<Task<int>> request)
    {
        for (int i = 0; i < 2000; i++)
        {
            if (await request() != 200)
            {
                throw new InvalidOperationException($"{name}: not 200");
            }
        }

        long before = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < Requests; i++)
        {
            await request();
        }

        long bytes = (GC.GetTotalAllocatedBytes(precise: true) - before) / Requests;
        Console.WriteLine($"{name,-32} {bytes,8} B/request");
    }
}
