using System.Text;
using System.Text.Json;

namespace ServiceAuth.Client.Testing.Internal.Protocol;

/// <summary>API Gateway style JSON error bodies with the <c>x-amzn-ErrorType</c> header.</summary>
internal static class ApiGatewayJson
{
    public const string ContentType = "application/json";

    /// <summary>An error body <c>{"message":"..."}</c>; resource-policy denials use <c>"Message"</c> as API Gateway does.</summary>
    public static WireResponse Error(int statusCode, string errorType, string message, string propertyName = "message")
    {
        var response = new WireResponse(statusCode, ContentType, Object((propertyName, message)));
        response.Headers.Add(new("x-amzn-ErrorType", errorType));
        response.ErrorCode = errorType;
        return response;
    }

    /// <summary>Serializes a flat JSON object of string properties.</summary>
    public static byte[] Object(params (string Name, string Value)[] properties)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach ((string name, string value) in properties)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static string ObjectText(params (string Name, string Value)[] properties) => Encoding.UTF8.GetString(Object(properties));
}
