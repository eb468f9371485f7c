using System.Text.Json;

namespace ServiceAuth.Client.Testing.Internal.EventBridge;

/// <summary>EventBridge's per-entry checks, with the codes and messages it reports in a <c>PutEvents</c> answer.</summary>
internal static class EventBridgeValidation
{
    public static (string Code, string Message)? Check(PutEventsEntry entry)
    {
        if (string.IsNullOrEmpty(entry.Source))
        {
            return Required("Source");
        }

        if (string.IsNullOrEmpty(entry.DetailType))
        {
            return Required("DetailType");
        }

        if (string.IsNullOrEmpty(entry.Detail))
        {
            return Required("Detail");
        }

        if (entry.Source.StartsWith("aws.", StringComparison.Ordinal))
        {
            return ("NotAuthorizedForSourceException", "Not authorized for the source.");
        }

        if (entry.Source.Length > 256 || entry.DetailType.Length > 128)
        {
            string name = entry.Source.Length > 256 ? "Source" : "DetailType";
            return ("InvalidArgument", $"Parameter {name} is not valid. Reason: {name} is longer than {(name == "Source" ? 256 : 128)} characters.");
        }

        if (!IsJsonObject(entry.Detail))
        {
            return ("MalformedDetail", "Detail is malformed.");
        }

        // Resources are not checked: EventBridge accepts any strings there (its own PutEvents example sends "resource1").
        return null;
    }

    private static (string, string) Required(string name) => ("InvalidArgument", $"Parameter {name} is not valid. Reason: {name} is a required argument.");

    private static bool IsJsonObject(string text)
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
