namespace ServiceAuth.Client.TestUtilities;

/// <summary>Parses an application/x-www-form-urlencoded body into its ordered key/value pairs.</summary>
public static class FormBody
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string body) =>
        body.Length == 0
            ? []
            : [.. body.Split('&').Select(pair => pair.Split('=', 2)).Select(kv => new KeyValuePair<string, string>(Uri.UnescapeDataString(kv[0]), Uri.UnescapeDataString(kv[1])))];
}
