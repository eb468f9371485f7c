using System.Text.Json;

namespace ServiceAuth.Client.Testing.Internal.EventBridge;

/// <summary>Reads a <c>PutEvents</c> request body; a body that is not the awsJson shape throws <see cref="JsonException"/>
/// (answered as <c>SerializationException</c>).</summary>
internal static class PutEventsReader
{
    public static List<PutEventsEntry>? Read(byte[] body)
    {
        using JsonDocument document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The request body is not a JSON object.");
        }

        if (!document.RootElement.TryGetProperty("Entries", out JsonElement entries) || entries.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return [.. entries.EnumerateArray().Select(e => new PutEventsEntry
        {
            Source = Text(e, "Source"),
            DetailType = Text(e, "DetailType"),
            Detail = Text(e, "Detail"),
            EventBusName = Text(e, "EventBusName"),
            TraceHeader = Text(e, "TraceHeader"),
            Resources = e.TryGetProperty("Resources", out JsonElement r) && r.ValueKind == JsonValueKind.Array ? [.. r.EnumerateArray().Select(x => x.GetString() ?? string.Empty)] : null,
            Time = e.TryGetProperty("Time", out JsonElement t) && t.ValueKind == JsonValueKind.Number
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(t.GetDouble() * 1000))
                : null,
        })];
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
