namespace ServiceAuth.Client.SnsMessages;

/// <summary>
/// Verifies SNS envelopes: from an HTTPS subscription's request body, or the body of an SQS message delivered by an SNS
/// subscription without raw delivery. Register it with <c>AddSnsMessageVerifier</c>.
/// </summary>
public interface ISnsMessageVerifier
{
    /// <summary>Verifies one envelope: size, shape, type, signature version, topic, time window, certificate URL, the
    /// certificate (fetched once per URL), the signature, and that its <c>MessageId</c> was not accepted before.</summary>
    /// <param name="envelope">The JSON envelope as received.</param>
    /// <param name="cancellationToken">Stops waiting for the certificate.</param>
    /// <returns>The verified message or the reason it was refused; never throws for a bad envelope.</returns>
    Task<SnsMessageVerificationResult> VerifyAsync(string envelope, CancellationToken cancellationToken = default);
}
