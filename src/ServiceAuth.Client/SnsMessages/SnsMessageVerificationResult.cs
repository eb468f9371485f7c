namespace ServiceAuth.Client.SnsMessages;

/// <summary>The outcome of verifying one SNS envelope: the message, or why it was refused.</summary>
public sealed class SnsMessageVerificationResult
{
    private SnsMessageVerificationResult(VerifiedSnsMessage? message, SnsMessageVerificationFailure? failure, string? detail)
    {
        Message = message;
        Failure = failure;
        Detail = detail;
    }

    /// <summary>Gets a value indicating whether the envelope was verified (then <see cref="Message"/> is set).</summary>
    public bool IsVerified => Message is not null;

    /// <summary>Gets the verified message, or <see langword="null"/> when refused.</summary>
    public VerifiedSnsMessage? Message { get; }

    /// <summary>Gets why the envelope was refused, or <see langword="null"/> when verified.</summary>
    public SnsMessageVerificationFailure? Failure { get; }

    /// <summary>Gets a sentence for logs about the refusal (never the signature or the message body).</summary>
    public string? Detail { get; }

    internal static SnsMessageVerificationResult Verified(VerifiedSnsMessage message) => new(message, null, null);

    internal static SnsMessageVerificationResult Refused(SnsMessageVerificationFailure failure, string detail) => new(null, failure, detail);

    /// <inheritdoc/>
    public override string ToString() => IsVerified ? $"Verified {Message!.Type} {Message.MessageId}" : $"Refused: {Failure} ({Detail})";
}
