using System.Net;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Sns;

/// <summary>
/// Thrown when SNS answers a <c>Publish</c> or <c>PublishBatch</c> call with an error (<c>ErrorResponse</c>), or with an
/// HTTP error whose body is not one. Carries the AWS error code, message and request id.
/// </summary>
public sealed class SnsException : ServiceAuthException
{
    /// <summary>Initializes a new instance of the <see cref="SnsException"/> class.</summary>
    public SnsException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SnsException"/> class with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public SnsException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SnsException"/> class with a message and a cause.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public SnsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SnsException"/> class for an AWS error answer.</summary>
    /// <param name="code">The AWS error code, for example <c>NotFound</c>; empty when the body was not an awsQuery error.</param>
    /// <param name="errorMessage">The AWS error message.</param>
    /// <param name="errorType"><c>Sender</c>, <c>Receiver</c>, or <see langword="null"/> when not given.</param>
    /// <param name="requestId">The AWS request id.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    public SnsException(string code, string? errorMessage, string? errorType, string? requestId, HttpStatusCode statusCode)
        : base($"SNS returned {(int)statusCode} {(code.Length == 0 ? "(no error code)" : code)}: {AwsErrorText.Redact(errorMessage)} (RequestId: {requestId ?? "none"})")
    {
        Code = code;
        ErrorMessage = AwsErrorText.Redact(errorMessage);
        ErrorType = errorType;
        RequestId = requestId;
        StatusCode = statusCode;
    }

    /// <summary>Gets the AWS error code, for example <c>NotFound</c>, <c>AuthorizationError</c>, <c>InvalidParameter</c>,
    /// <c>Throttling</c>; empty when the body was not an awsQuery error.</summary>
    public string Code { get; } = string.Empty;

    /// <summary>Gets the AWS error message.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Gets the AWS error type: <c>Sender</c> (client fault) or <c>Receiver</c> (server fault), or
    /// <see langword="null"/>.</summary>
    public string? ErrorType { get; }

    /// <summary>Gets the AWS request id, for support cases.</summary>
    public string? RequestId { get; }

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }
}
