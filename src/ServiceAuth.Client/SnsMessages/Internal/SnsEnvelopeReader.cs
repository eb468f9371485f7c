using System.Text.Json;

namespace ServiceAuth.Client.SnsMessages.Internal;

/// <summary>
/// Reads an envelope: a JSON object whose members are strings (or <c>null</c>, taken as absent), each name once, plus
/// an optional <c>MessageAttributes</c> object of <c>{"Type","Value"}</c>. A repeated name is refused, so the value
/// that is verified is the value the application reads.
/// </summary>
internal static class SnsEnvelopeReader
{
    public static SnsEnvelope? Read(string json, out string problem)
    {
        problem = string.Empty;
        try
        {
            using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "the envelope is not a JSON object";
                return null;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var attributes = new Dictionary<string, SnsEnvelopeAttributeValue>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    problem = $"the field {property.Name} appears twice";
                    return null;
                }

                if (property.Name == "MessageAttributes" && property.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (JsonProperty attribute in property.Value.EnumerateObject())
                    {
                        attributes[attribute.Name] = new SnsEnvelopeAttributeValue(Text(attribute.Value, "Type"), Text(attribute.Value, "Value"));
                    }
                }
                else if (property.Value.ValueKind == JsonValueKind.String)
                {
                    fields[property.Name] = property.Value.GetString()!;
                }
                else if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    problem = $"the field {property.Name} is not a string";
                    return null;
                }
            }

            return new SnsEnvelope { Fields = fields, Attributes = attributes };
        }
        catch (JsonException)
        {
            problem = "the envelope is not valid JSON";
            return null;
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : string.Empty;
}
