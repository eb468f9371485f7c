namespace ServiceAuth.Client.Signing;

/// <summary>
/// Thrown before anything is sent when a request cannot be signed: a body too large to buffer for hashing, plain
/// <c>http://</c> to a host that is not loopback, a relative URI, or no region or service to sign for.
/// </summary>
public sealed class SigningException : ServiceAuthException
{
    /// <summary>Initializes a new instance of the <see cref="SigningException"/> class.</summary>
    public SigningException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SigningException"/> class with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public SigningException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SigningException"/> class with a message and a cause.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public SigningException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
