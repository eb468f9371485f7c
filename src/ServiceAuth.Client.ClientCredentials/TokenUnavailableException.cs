namespace ServiceAuth.Client.ClientCredentials;

/// <summary>
/// Thrown when a request needs an access token and none is valid: the token endpoint refused the client
/// (<c>invalid_client</c>, <c>invalid_scope</c>, <c>unauthorized_client</c>) or could not be reached after the cached
/// token expired. Carries the OAuth error code and the HTTP status; never a secret or a token.
/// </summary>
public sealed class TokenUnavailableException : ServiceAuthException
{
    /// <summary>Initializes a new instance of the <see cref="TokenUnavailableException"/> class.</summary>
    public TokenUnavailableException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TokenUnavailableException"/> class with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public TokenUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TokenUnavailableException"/> class with a message and a cause.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public TokenUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal TokenUnavailableException(string message, string? error, int? statusCode, Exception? innerException)
        : base(message, innerException)
    {
        Error = error;
        StatusCode = statusCode;
    }

    /// <summary>Gets the OAuth 2.0 error code the token endpoint returned, for example <c>invalid_client</c>.</summary>
    /// <value>The default value is <see langword="null"/>: no OAuth error (a timeout, a connection failure, a 5xx).</value>
    public string? Error { get; }

    /// <summary>Gets the HTTP status code of the token endpoint's answer.</summary>
    /// <value>The default value is <see langword="null"/>: no answer.</value>
    public int? StatusCode { get; }
}
