namespace ServiceAuth.Client.Tests.Support;

public sealed record CapturedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[]? Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}
