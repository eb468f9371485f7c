using System.Net;
using System.Text;
using System.Text.Json;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>Reads awsJson 1.1 answers with <see cref="Utf8JsonReader"/> (no reflection): the <c>PutEvents</c> result and
/// JSON errors (<c>{"__type":"…#AccessDeniedException","message":"…"}</c>, code parsing shared with the retry handler).</summary>
internal static class PutEventsResponseReader
{
    public static PutEventsAnswer Read(byte[] body, HttpStatusCode status)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            var entries = new List<PutEventsResultEntry>();
            int failed = 0;
            bool sawEntries = false;
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("FailedEntryCount"u8))
                {
                    reader.Read();
                    failed = reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : 0;
                }
                else if (reader.ValueTextEquals("Entries"u8))
                {
                    reader.Read();
                    sawEntries = reader.TokenType == JsonTokenType.StartArray;
                    while (sawEntries && reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        entries.Add(ReadEntry(ref reader));
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return sawEntries ? new PutEventsAnswer(failed, entries) : throw Malformed(body, status, "no Entries");
        }
        catch (JsonException)
        {
            throw Malformed(body, status, "not JSON");
        }
    }

    public static EventBridgeException ReadError(byte[] body, HttpStatusCode status, string? errorTypeHeader, string? requestId)
    {
        string? code = AwsErrorResponse.Parse(body);
        if (code is null && errorTypeHeader is not null)
        {
            int colon = errorTypeHeader.IndexOf(':', StringComparison.Ordinal);
            code = colon > 0 ? errorTypeHeader[..colon] : errorTypeHeader;
        }

        string? message = ReadMessage(body);
        return code is null
            ? new EventBridgeException(string.Empty, $"The service returned an error with HTTP body: {Excerpt(body)}", requestId, status)
            : new EventBridgeException(code, message, requestId, status);
    }

    private static PutEventsResultEntry ReadEntry(ref Utf8JsonReader reader)
    {
        string? eventId = null, code = null, message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string? name = reader.GetString();
            reader.Read();
            string? value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
            switch (name)
            {
                case "EventId": eventId = value; break;
                case "ErrorCode": code = value; break;
                case "ErrorMessage": message = value; break;
            }
        }

        return new PutEventsResultEntry(eventId, code, message);
    }

    private static string? ReadMessage(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1
                    && (reader.ValueTextEquals("message"u8) || reader.ValueTextEquals("Message"u8)))
                {
                    reader.Read();
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static EventBridgeException Malformed(byte[] body, HttpStatusCode status, string what) =>
        new("MalformedResponse", $"Could not read the PutEvents answer ({what}): {Excerpt(body)}", null, status);

    private static string Excerpt(byte[] body) => EventBridgeText.Shorten(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 256)));
}
