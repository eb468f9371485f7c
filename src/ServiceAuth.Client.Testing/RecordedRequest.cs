namespace ServiceAuth.Client.Testing;

/// <summary>One request the endpoint answered. It never holds keys, tokens, signatures or bodies.</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest()
    {
    }

    /// <summary>Gets the HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the raw request path, without the query.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the awsQuery action (<c>AssumeRole</c>, <c>Publish</c>, ...), or <see langword="null"/> for API routes.</summary>
    public string? Action { get; init; }

    /// <summary>Gets the authenticated caller ARN, or <see langword="null"/> when authentication failed.</summary>
    public string? CallerArn { get; init; }

    /// <summary>Gets the response status code.</summary>
    public required int StatusCode { get; init; }

    /// <summary>Gets the AWS error code, or <see langword="null"/> on success.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets the request id sent in <c>x-amzn-RequestId</c> (<c>apigw-requestid</c> on JWT routes,
    /// <c>x-amz-cognito-request-id</c> from the token endpoint).</summary>
    public required string RequestId { get; init; }

    /// <summary>Gets why the endpoint denied access, for test authors only (AWS does not say): which statement denied, or
    /// that no statement allowed and why each one did not apply (the condition that failed, the action or resource that did
    /// not match). <see langword="null"/> when access was not denied by a policy.</summary>
    public string? Denial { get; init; }

    /// <summary>Gets the endpoint time at which the request was answered.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {Path} {Action} {CallerArn} -> {StatusCode} {ErrorCode}";
}
