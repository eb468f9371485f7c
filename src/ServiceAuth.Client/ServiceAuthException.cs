namespace ServiceAuth.Client;

/// <summary>
/// The base of every exception ServiceAuth.Client throws for a reason of its own (configuration it cannot use, a request
/// it cannot sign, credentials it cannot obtain, an AWS error answer). Messages never contain secrets.
/// </summary>
public class ServiceAuthException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ServiceAuthException"/> class.</summary>
    public ServiceAuthException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ServiceAuthException"/> class with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public ServiceAuthException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ServiceAuthException"/> class with a message and the
    /// exception that caused it.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public ServiceAuthException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
