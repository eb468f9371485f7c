using System.Text.Json;

namespace ServiceAuth.Client.Testing.Internal.AppSync;

/// <summary>AppSync's request-level error body: <c>{"errors":[{"errorType":"…","message":"…"}]}</c>.</summary>
internal static class AppSyncErrorBody
{
    public static byte[] Errors(string type, string message)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("errorType", type);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
