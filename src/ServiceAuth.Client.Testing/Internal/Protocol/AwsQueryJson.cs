using System.Text.Json;

namespace ServiceAuth.Client.Testing.Internal.Protocol;

/// <summary>
/// The JSON an awsQuery service (STS) answers when the request says <c>Accept: application/json</c>: the XML document's
/// shape as nested objects, <c>{"GetCallerIdentityResponse":{"GetCallerIdentityResult":{…},"ResponseMetadata":{"RequestId":…}}}</c>,
/// and errors as <c>{"Error":{"Code":…,"Message":…,"Type":"Sender"},"RequestId":…}</c>.
/// </summary>
internal static class AwsQueryJson
{
    public const string ContentType = "application/json";

    public static bool IsRequested(WireRequest request) =>
        request.GetAll("Accept").Any(a => a.Contains(ContentType, StringComparison.OrdinalIgnoreCase));

    public static WireResponse Success(string action, IReadOnlyList<(string Name, string Value)> result, string requestId) =>
        new(200, ContentType, Write(writer =>
        {
            writer.WriteStartObject(action + "Response");
            writer.WriteStartObject(action + "Result");
            foreach ((string name, string value) in result)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("ResponseMetadata");
            writer.WriteString("RequestId", requestId);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }));

    /// <summary>Renders an awsQuery XML error as JSON, keeping its status, code and headers.</summary>
    public static WireResponse Error(WireResponse xmlError, string requestId)
    {
        var response = new WireResponse(xmlError.StatusCode, ContentType, Write(writer =>
        {
            writer.WriteStartObject("Error");
            writer.WriteString("Code", xmlError.ErrorCode);
            writer.WriteString("Message", xmlError.ErrorMessage);
            writer.WriteString("Type", xmlError.StatusCode >= 500 ? "Receiver" : "Sender");
            writer.WriteEndObject();
            writer.WriteString("RequestId", requestId);
        }))
        {
            ErrorCode = xmlError.ErrorCode,
            ErrorMessage = xmlError.ErrorMessage,
        };
        response.Headers.AddRange(xmlError.Headers);
        return response;
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
