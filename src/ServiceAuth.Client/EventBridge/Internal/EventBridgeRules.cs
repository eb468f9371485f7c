using System.Text.Json;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>EventBridge's rules for <c>PutEventsRequestEntry</c> fields (PutEvents API reference); each check returns
/// what is wrong, or <see langword="null"/>.</summary>
internal static class EventBridgeRules
{
    public const int MaxEntries = 10;
    public const int MaxSourceLength = 256;
    public const int MaxDetailTypeLength = 128;
    public const int MaxResources = 100;
    public const int MaxResourceLength = 2048;
    public const int MaxTraceHeaderLength = 500;

    public static string? CheckSource(string? source) => source switch
    {
        null or "" => "is required (for example \"com.example.orders\")",
        { Length: > MaxSourceLength } => $"is {source.Length} characters, more than {MaxSourceLength}",
        _ when source.StartsWith("aws.", StringComparison.Ordinal) => "starts with \"aws.\", which is reserved for AWS services",
        _ when !(char.IsAsciiLetterOrDigit(source[0]) || source[0] is '/' or '.' or '-' or '_') => "must start with one of [A-Za-z0-9/._-]",
        _ => null,
    };

    public static string? CheckDetailType(string? detailType) => detailType switch
    {
        null or "" => "is required (for example \"OrderPlaced\")",
        { Length: > MaxDetailTypeLength } => $"is {detailType.Length} characters, more than {MaxDetailTypeLength}",
        _ => null,
    };

    public static string? CheckResources(IReadOnlyList<string> resources)
    {
        if (resources.Count > MaxResources)
        {
            return $"has {resources.Count} entries, more than {MaxResources}";
        }

        foreach (string? resource in resources)
        {
            if (resource is null || resource.Length is 0 or > MaxResourceLength || !resource.StartsWith("arn:", StringComparison.Ordinal) || resource.Split(':', 6).Length < 6)
            {
                return $"entry '{EventBridgeText.Shorten(resource)}' must be an ARN (arn:<partition>:<service>:<region>:<account>:<resource>) of at most {MaxResourceLength} characters";
            }
        }

        return null;
    }

    public static string? CheckTraceHeader(string traceHeader) =>
        traceHeader.Length is 0 or > MaxTraceHeaderLength ? $"must be 1 to {MaxTraceHeaderLength} characters" : null;

    /// <summary>Whether the text is one JSON object (what EventBridge requires of <c>Detail</c>).</summary>
    public static bool IsJsonObject(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
