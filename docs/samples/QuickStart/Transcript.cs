using System.Net;

namespace ServiceAuth.Client.QuickStart;

/// <summary>Prints one line per step and remembers whether every step behaved as expected.</summary>
internal sealed class Transcript
{
    private int _step;
    private int _failed;

    public Transcript(Uri endpoint) => Console.WriteLine($"ServiceAuth.Client QuickStart, against a local AWS-compatible endpoint at {endpoint}");

    public async Task StepAsync(string description, HttpStatusCode expected, Func<Task<HttpResponseMessage>> call)
    {
        try
        {
            using HttpResponseMessage response = await call();
            string detail = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : response.Headers.TryGetValues("x-amzn-ErrorType", out var type) ? type.First() : string.Empty;
            Report(description, response.StatusCode == expected, $"{(int)response.StatusCode} {response.StatusCode} {Shorten(detail)}");
        }
        catch (Exception e)
        {
            Report(description, false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    public async Task PublishStepAsync(string description, Func<Task<(bool Ok, string Detail)>> publish)
    {
        try
        {
            (bool ok, string detail) = await publish();
            Report(description, ok, detail);
        }
        catch (Exception e)
        {
            Report(description, false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    public int Finish(int stsCalls)
    {
        Console.WriteLine($"STS AssumeRole calls: {stsCalls} (the temporary credentials are cached and shared)");
        Console.WriteLine(_failed == 0 ? $"All {_step} steps behaved as shown." : $"{_failed} of {_step} steps did not behave as shown.");
        return _failed == 0 ? 0 : 1;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private void Report(string description, bool ok, string outcome)
    {
        _step++;
        _failed += ok ? 0 : 1;
        Console.WriteLine($"{_step}. {description}");
        Console.WriteLine($"   -> {outcome} {(ok ? "[ok]" : "[UNEXPECTED]")}");
    }
}
