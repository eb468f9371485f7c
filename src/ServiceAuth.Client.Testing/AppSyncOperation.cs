namespace ServiceAuth.Client.Testing;

/// <summary>An authorized GraphQL request the local AppSync API received, handed to its resolver.</summary>
public sealed class AppSyncOperation
{
    internal AppSyncOperation()
    {
    }

    /// <summary>Gets the GraphQL document.</summary>
    public required string Query { get; init; }

    /// <summary>Gets the operation name, if any.</summary>
    public string? OperationName { get; init; }

    /// <summary>Gets the variables as JSON object text, or <see langword="null"/>.</summary>
    public string? Variables { get; init; }

    /// <summary>Gets the ARN of the caller (a user ARN or an assumed-role session ARN).</summary>
    public required string CallerArn { get; init; }

    /// <summary>A GraphQL answer with data: <c>{"data": …}</c>.</summary>
    /// <param name="dataJson">The <c>data</c> object as JSON text.</param>
    /// <returns>The answer body.</returns>
    public static string Data(string dataJson) => $$"""{"data":{{dataJson}}}""";

    /// <summary>A GraphQL answer with an error, as AppSync sends resolver errors (still HTTP 200):
    /// <c>{"data": {"field": null}, "errors": [{"path", "data", "errorType", "errorInfo", "locations", "message"}]}</c>.</summary>
    /// <param name="field">The field that failed.</param>
    /// <param name="errorType">The error type, for example <c>Unauthorized</c> or <c>DynamoDB:ConditionalCheckFailedException</c>.</param>
    /// <param name="message">The message.</param>
    /// <returns>The answer body.</returns>
    public static string Error(string field, string errorType, string message) =>
        $$"""{"data":{"{{field}}":null},"errors":[{"path":["{{field}}"],"data":null,"errorType":{{Json(errorType)}},"errorInfo":null,"locations":[{"line":1,"column":2,"sourceName":null}],"message":{{Json(message)}}}]}""";

    private static string Json(string value) => $"\"{System.Text.Json.JsonEncodedText.Encode(value)}\"";
}
