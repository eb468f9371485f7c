namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>What an AWS error means for the caller: retry it, refresh the credentials, correct the clock, or give up.</summary>
internal enum AwsErrorKind
{
    /// <summary>Not an error, or one no retry can fix.</summary>
    None = 0,

    /// <summary>The service asked us to slow down: retry with the throttling base delay.</summary>
    Throttling,

    /// <summary>A 5xx, a timeout or a connection failure: retry with the transient base delay.</summary>
    Transient,

    /// <summary>The credentials used were rejected as expired or invalid: invalidate them and sign again.</summary>
    RejectedCredentials,

    /// <summary>The request time is outside the server's window: correct the clock and sign again.</summary>
    ClockSkew,

    /// <summary>A signature error that is clock skew only when the server's clock is far from ours.</summary>
    PossibleClockSkew,

    /// <summary>An error that retrying cannot fix: access denied, bad input, a disabled region, expired source credentials.</summary>
    NonRecoverable,
}
