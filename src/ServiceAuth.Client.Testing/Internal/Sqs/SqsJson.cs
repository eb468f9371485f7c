using System.Text.Json;

namespace ServiceAuth.Client.Testing.Internal.Sqs;

/// <summary>
/// awsJson 1.0 answers as SQS gives them since it left awsQuery: <c>application/x-amz-json-1.0</c>, errors with
/// <c>__type</c> (<c>com.amazonaws.sqs#Code</c>) and <c>message</c>, plus <c>x-amzn-query-error</c> carrying the old
/// awsQuery code (the SDKs' <c>awsQueryCompatible</c> trait reads it).
/// </summary>
internal static class SqsJson
{
    public const string ContentType = "application/x-amz-json-1.0";

    public static WireResponse Success(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return new WireResponse(200, ContentType, stream.ToArray());
    }

    public static WireResponse Empty() => Success(_ => { });

    public static WireResponse Error(string type, string message, string? queryCode = null, int status = 400)
    {
        var response = new WireResponse(status, ContentType, Protocol.ApiGatewayJson.Object(("__type", "com.amazonaws.sqs#" + type), ("message", message)));
        response.Headers.Add(new("x-amzn-query-error", $"{queryCode ?? type};{(status >= 500 ? "Receiver" : "Sender")}"));
        response.ErrorCode = type;
        return response;
    }

    public static WireResponse NoQueue() =>
        Error("QueueDoesNotExist", "The specified queue does not exist.", "AWS.SimpleQueueService.NonExistentQueue");

    public static WireResponse InvalidParameter(string message) =>
        Error("InvalidParameterValueException", message, "InvalidParameterValue");

    public static WireResponse MissingParameter(string name) =>
        Error("MissingRequiredParameterException", $"The request must contain the parameter {name}.", "MissingParameter");
}
