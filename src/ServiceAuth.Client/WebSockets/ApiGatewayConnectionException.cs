using System.Net;

namespace ServiceAuth.Client.WebSockets;

/// <summary>Thrown when the <c>@connections</c> management API answers with an error other than <c>410 Gone</c>
/// (<c>ForbiddenException</c>, <c>LimitExceededException</c>, <c>PayloadTooLargeException</c>, …).</summary>
public sealed class ApiGatewayConnectionException : ServiceAuthException
{
    /// <summary>Initializes a new instance of the <see cref="ApiGatewayConnectionException"/> class.</summary>
    public ApiGatewayConnectionException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ApiGatewayConnectionException"/> class with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public ApiGatewayConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ApiGatewayConnectionException"/> class with a message and a
    /// cause.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public ApiGatewayConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ApiGatewayConnectionException"/> class for an error answer.</summary>
    /// <param name="code">The error type (<c>x-amzn-ErrorType</c>), or empty.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="connectionId">The connection id.</param>
    public ApiGatewayConnectionException(string code, HttpStatusCode statusCode, string connectionId)
        : base($"The @connections API answered {(int)statusCode} {(code.Length == 0 ? "(no error type)" : code)} for connection '{connectionId}'.")
    {
        Code = code;
        StatusCode = statusCode;
    }

    /// <summary>Gets the error type, for example <c>ForbiddenException</c>; empty when not given.</summary>
    public string Code { get; } = string.Empty;

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }
}
