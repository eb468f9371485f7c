namespace ServiceAuth.Client.AspNetCore.IdentityTokens;

/// <summary>The failure of an IAM identity token authentication (<c>AuthenticateResult.Failure</c>). The message
/// never contains the token, its signature or a session token.</summary>
public sealed class IamIdentityTokenException : ServiceAuthException
{
    /// <summary>Initializes a new instance of the <see cref="IamIdentityTokenException"/> class.</summary>
    public IamIdentityTokenException()
        : this(IamIdentityTokenFailureReason.Malformed, "the token was refused")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="IamIdentityTokenException"/> class with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public IamIdentityTokenException(string message)
        : this(IamIdentityTokenFailureReason.Malformed, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="IamIdentityTokenException"/> class with a message and a cause.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public IamIdentityTokenException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Detail = message;
    }

    /// <summary>Initializes a new instance of the <see cref="IamIdentityTokenException"/> class.</summary>
    /// <param name="reason">Why the token was refused.</param>
    /// <param name="detail">What exactly was wrong.</param>
    public IamIdentityTokenException(IamIdentityTokenFailureReason reason, string detail)
        : base($"IAM identity token refused ({reason}): {detail}")
    {
        Reason = reason;
        Detail = detail;
    }

    /// <summary>Gets why the token was refused.</summary>
    public IamIdentityTokenFailureReason Reason { get; }

    /// <summary>Gets what exactly was wrong.</summary>
    public string Detail { get; }
}
