using System.Security.Cryptography.X509Certificates;

namespace ServiceAuth.Client.SnsMessages;

/// <summary>Settings of the SNS message verifier; validated when the host starts.</summary>
public sealed class SnsMessageVerifierOptions
{
    /// <summary>Gets the topic ARNs whose messages are accepted (exact match). At least one is required.</summary>
    public IList<string> AllowedTopicArns { get; } = [];

    /// <summary>Gets or sets how old a message's <c>Timestamp</c> may be; it is also how long a <c>MessageId</c> is
    /// remembered against replays. Raise it to the queue's retention when reading a backlog from SQS.</summary>
    /// <value>The default value is 1 hour.</value>
    public TimeSpan MaxMessageAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how far in the future a <c>Timestamp</c> may be (clock differences).</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan AllowedClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the lowest <c>SignatureVersion</c> accepted. Set 2 once the topic signs with SHA256withRSA
    /// (topic attribute <c>SignatureVersion=2</c>), so a message claiming version 1 is refused as a downgrade.</summary>
    /// <value>The default value is 1, what SNS topics use unless set otherwise.</value>
    public int MinimumSignatureVersion { get; set; } = 1;

    /// <summary>Gets or sets the largest envelope accepted, in UTF-8 bytes.</summary>
    /// <value>The default value is 2,097,152 (2 MiB): a 1 MiB message, escaped, with the envelope's fields.</value>
    public int MaxEnvelopeBytes { get; set; } = 2_097_152;

    /// <summary>Gets or sets how many signing certificates are kept (one per <c>SigningCertURL</c>).</summary>
    /// <value>The default value is 16.</value>
    public int MaxCachedCertificates { get; set; } = 16;

    /// <summary>Gets or sets how many message ids are remembered against replays; beyond it the oldest are forgotten.</summary>
    /// <value>The default value is 100,000 (about 10 MB); keep it above the messages accepted per <see cref="MaxMessageAge"/>.</value>
    public int MaxRememberedMessageIds { get; set; } = 100_000;

    /// <summary>Gets or sets, for tests only, the one certificate trusted instead of SNS's (for example
    /// <c>LocalAwsEndpoint.SigningCertificate</c>). When set, only envelopes whose <c>SigningCertURL</c> is exactly
    /// <see cref="TestSigningCertUrl"/> and whose signature verifies with this certificate are accepted; AWS's
    /// certificates are not. Never set it in production.</summary>
    /// <value>The default value is <see langword="null"/>: SNS's certificates, fetched from SNS hosts.</value>
    public X509Certificate2? TestSigningCertificate { get; set; }

    /// <summary>Gets or sets, for tests only, the <c>SigningCertURL</c> of <see cref="TestSigningCertificate"/> (for example
    /// <c>LocalAwsEndpoint.SigningCertUrl</c>); subscription URLs must be on its host. Required with it.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Uri? TestSigningCertUrl { get; set; }
}
