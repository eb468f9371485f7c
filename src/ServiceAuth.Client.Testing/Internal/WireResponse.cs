namespace ServiceAuth.Client.Testing.Internal;

/// <summary>A response ready to be written either to Kestrel or to an <see cref="HttpResponseMessage"/>.</summary>
internal sealed class WireResponse
{
    public WireResponse(int statusCode, string contentType, byte[] body)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
    }

    public int StatusCode { get; }

    public string ContentType { get; }

    public byte[] Body { get; }

    /// <summary>Gets the extra headers besides Content-Type (x-amzn-RequestId, Date, x-amzn-ErrorType, ...).</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>Gets or sets the style of the request id header the pipeline adds: <c>x-amzn-RequestId</c> (AWS services
    /// and REST APIs), <c>apigw-requestid</c> (HTTP APIs, where JWT authorizers live) or <c>x-amz-cognito-request-id</c>
    /// (a Cognito domain's OAuth 2.0 endpoints).</summary>
    public RequestIdStyle RequestIdStyle { get; set; }

    /// <summary>Gets or sets the AWS error code, for the request log.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>Gets or sets the AWS error message of an awsQuery error, to render it as JSON when JSON was asked for.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>Gets or sets why access was denied (for <see cref="RecordedRequest.Denial"/>), or <see langword="null"/>.</summary>
    public string? Denial { get; set; }

    public static WireResponse Text(int statusCode, string contentType, string body) =>
        new(statusCode, contentType, System.Text.Encoding.UTF8.GetBytes(body));
}
