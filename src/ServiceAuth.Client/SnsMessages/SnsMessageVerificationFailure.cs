namespace ServiceAuth.Client.SnsMessages;

/// <summary>Why an SNS envelope was refused.</summary>
public enum SnsMessageVerificationFailure
{
    /// <summary>The envelope is larger than <see cref="SnsMessageVerifierOptions.MaxEnvelopeBytes"/>.</summary>
    EnvelopeTooLarge,

    /// <summary>The envelope is not a JSON object with the fields its type requires (as strings, each once).</summary>
    MalformedEnvelope,

    /// <summary>The <c>Type</c> is none of Notification, SubscriptionConfirmation, UnsubscribeConfirmation.</summary>
    UnknownType,

    /// <summary>The <c>SignatureVersion</c> is neither 1 nor 2.</summary>
    UnsupportedSignatureVersion,

    /// <summary>The <c>SignatureVersion</c> is below <see cref="SnsMessageVerifierOptions.MinimumSignatureVersion"/> (a downgrade).</summary>
    SignatureVersionNotAllowed,

    /// <summary>The <c>TopicArn</c> is not in <see cref="SnsMessageVerifierOptions.AllowedTopicArns"/>.</summary>
    TopicNotAllowed,

    /// <summary>The <c>Timestamp</c> is older than <see cref="SnsMessageVerifierOptions.MaxMessageAge"/> or in the future.</summary>
    TimestampOutOfWindow,

    /// <summary>The <c>SigningCertURL</c> is not <c>https</c> on exactly an SNS host (no userinfo, port, query, IDN or look-alike).</summary>
    UntrustedCertificateUrl,

    /// <summary>The <c>SubscribeURL</c> or <c>UnsubscribeURL</c> is not <c>https</c> on exactly an SNS host.</summary>
    UntrustedSubscriptionUrl,

    /// <summary>The signing certificate could not be fetched or read.</summary>
    CertificateUnavailable,

    /// <summary>The signing certificate's chain or subject is not that of an SNS signing certificate.</summary>
    UntrustedCertificate,

    /// <summary>The signature does not verify over the string to sign (a tampered field, or not signed by SNS).</summary>
    InvalidSignature,

    /// <summary>The <c>MessageId</c> was already accepted within the window (a replay).</summary>
    Replayed,
}
