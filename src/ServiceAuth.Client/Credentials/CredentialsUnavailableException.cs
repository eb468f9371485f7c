namespace ServiceAuth.Client.Credentials;

/// <summary>
/// Thrown when assumed-role credentials are needed and cannot be had: STS refused the role (access denied, a bad policy,
/// a disabled region, expired source credentials) or kept failing after the cached credentials expired. Carries the STS
/// error code and request id for support cases; never a key, token or policy.
/// </summary>
public sealed class CredentialsUnavailableException : ServiceAuthException
{
    /// <summary>Initializes a new instance of the <see cref="CredentialsUnavailableException"/> class.</summary>
    public CredentialsUnavailableException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CredentialsUnavailableException"/> class with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public CredentialsUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CredentialsUnavailableException"/> class with a message and a cause.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public CredentialsUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal CredentialsUnavailableException(string message, string? roleArn, string? stsErrorCode, string? stsRequestId, Exception? innerException)
        : base(message, innerException)
    {
        RoleArn = roleArn;
        StsErrorCode = stsErrorCode;
        StsRequestId = stsRequestId;
    }

    /// <summary>Gets the ARN of the role that could not be assumed.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? RoleArn { get; }

    /// <summary>Gets the STS error code, for example <c>AccessDenied</c> or <c>Throttling</c>.</summary>
    /// <value>The default value is <see langword="null"/>: no STS answer (a timeout or a connection failure).</value>
    public string? StsErrorCode { get; }

    /// <summary>Gets the id of the failed STS request, for AWS support.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? StsRequestId { get; }
}
