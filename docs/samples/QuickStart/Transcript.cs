using System.Net;

namespace ServiceAuth.Client.QuickStart;

/// <summary>Prints one line per step and remembers whether every step behaved as shown (a refusal that is the point is [ok]).</summary>
internal sealed class Transcript
{
    private readonly TextWriter _output;
    private int _step;
    private int _failed;

    public Transcript(TextWriter output, Uri endpoint)
    {
        _output = output;
        _output.WriteLine($"ServiceAuth.Client QuickStart, against a local AWS-compatible endpoint at {endpoint}");
    }

    public async Task StepAsync(string description, HttpStatusCode expected, Func<Task<HttpResponseMessage>> call, Func<string?>? explain = null)
    {
        try
        {
            using HttpResponseMessage response = await call();
            string detail = response.IsSuccessStatusCode ? Caller(await response.Content.ReadAsStringAsync())
                : response.Headers.TryGetValues("x-amzn-ErrorType", out var type) ? type.First() : response.Headers.WwwAuthenticate.ToString();
            Report(description, response.StatusCode == expected, $"{(int)response.StatusCode} {response.StatusCode} {detail}");
            if (explain?.Invoke() is { } why)
            {
                _output.WriteLine($"   why (the local endpoint says; AWS does not): {why}");
            }
        }
        catch (Exception e)
        {
            Report(description, false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    public async Task CheckAsync(string description, Func<Task<(bool Ok, string Detail)>> check)
    {
        try
        {
            (bool ok, string detail) = await check();
            Report(description, ok, detail);
        }
        catch (Exception e)
        {
            Report(description, false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    public int Finish(int stsCalls)
    {
        _output.WriteLine($"STS AssumeRole calls: {stsCalls} (the temporary credentials are cached and shared)");
        _output.WriteLine(_failed == 0 ? $"All {_step} steps behaved as shown." : $"{_failed} of {_step} steps did not behave as shown.");
        return _failed == 0 ? 0 : 1;
    }

    private static string Caller(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("caller", out var caller) ? $"as {caller.GetString()}" : string.Empty;
    }

    private void Report(string description, bool ok, string outcome)
    {
        _step++;
        _failed += ok ? 0 : 1;
        _output.WriteLine($"{_step}. {description}");
        _output.WriteLine($"   -> {outcome} {(ok ? "[ok]" : "[UNEXPECTED]")}");
    }
}
