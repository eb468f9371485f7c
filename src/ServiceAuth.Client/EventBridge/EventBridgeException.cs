using System.Net;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.EventBridge;

/// <summary>
/// Thrown when EventBridge answers <c>PutEvents</c> with an error (a JSON <c>__type</c> error such as
/// <c>AccessDeniedException</c> or <c>ValidationException</c>), or when a single <c>PublishAsync</c> entry failed. Carries
/// the AWS error code, message and request id.
/// </summary>
public sealed class EventBridgeException : ServiceAuthException
{
    /// <summary>Initializes a new instance of the <see cref="EventBridgeException"/> class.</summary>
    public EventBridgeException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EventBridgeException"/> class with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public EventBridgeException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EventBridgeException"/> class with a message and a cause.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public EventBridgeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EventBridgeException"/> class for an AWS error answer.</summary>
    /// <param name="code">The AWS error code, for example <c>AccessDeniedException</c>; empty when the body was not a JSON
    /// error.</param>
    /// <param name="errorMessage">The AWS error message.</param>
    /// <param name="requestId">The AWS request id.</param>
    /// <param name="statusCode">The HTTP status code (200 for a failed entry of an accepted request).</param>
    public EventBridgeException(string code, string? errorMessage, string? requestId, HttpStatusCode statusCode)
        : base($"EventBridge returned {(int)statusCode} {(code.Length == 0 ? "(no error code)" : code)}: {AwsErrorText.Redact(errorMessage)} (RequestId: {requestId ?? "none"})")
    {
        Code = code;
        ErrorMessage = AwsErrorText.Redact(errorMessage);
        RequestId = requestId;
        StatusCode = statusCode;
    }

    /// <summary>Gets the AWS error code, for example <c>AccessDeniedException</c>, <c>ResourceNotFoundException</c>,
    /// <c>ValidationException</c>, or an entry's <c>MalformedDetail</c>; empty when the body was not a JSON error.</summary>
    public string Code { get; } = string.Empty;

    /// <summary>Gets the AWS error message.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Gets the AWS request id, for support cases.</summary>
    public string? RequestId { get; }

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }
}
