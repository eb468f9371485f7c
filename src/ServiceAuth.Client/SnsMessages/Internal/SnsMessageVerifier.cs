using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;

namespace ServiceAuth.Client.SnsMessages.Internal;

/// <summary>
/// Verifies SNS envelopes, cheapest checks first, so a forged envelope costs no certificate fetch: size, shape, type,
/// signature version, topic, time window, certificate URL (and subscription URLs), certificate, signature, and last the
/// message id (only a genuine message is remembered, so forgeries cannot fill the replay window).
/// </summary>
internal sealed class SnsMessageVerifier : ISnsMessageVerifier
{
    private static readonly Dictionary<string, SnsMessageType> Types = new(StringComparer.Ordinal)
    {
        ["Notification"] = SnsMessageType.Notification,
        ["SubscriptionConfirmation"] = SnsMessageType.SubscriptionConfirmation,
        ["UnsubscribeConfirmation"] = SnsMessageType.UnsubscribeConfirmation,
    };

    private readonly SnsMessageVerifierOptions _options;
    private readonly HashSet<string> _topics;
    private readonly SigningCertificateCache _certificates;
    private readonly ReplayWindow _replays;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SnsMessageVerifier(SnsMessageVerifierOptions options, Func<HttpClient> client, TimeProvider time, ILogger logger)
    {
        _options = options;
        _topics = new HashSet<string>(options.AllowedTopicArns, StringComparer.Ordinal);
        _certificates = new SigningCertificateCache(client, time, options.MaxCachedCertificates, logger);
        _replays = new ReplayWindow(options.MaxRememberedMessageIds);
        _time = time;
        _logger = logger;
    }

    public async Task<SnsMessageVerificationResult> VerifyAsync(string envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        SnsMessageVerificationResult result = await CheckAsync(envelope, cancellationToken).ConfigureAwait(false);
        if (result.Message is { } message)
        {
            Log.SnsMessageVerified(_logger, message.Type.ToString(), message.TopicArn, message.MessageId);
        }
        else
        {
            Log.SnsMessageRefused(_logger, result.Failure!.Value.ToString(), result.Detail!);
        }

        return result;
    }

    private async Task<SnsMessageVerificationResult> CheckAsync(string text, CancellationToken cancellationToken)
    {
        if (text.Length > _options.MaxEnvelopeBytes || System.Text.Encoding.UTF8.GetByteCount(text) > _options.MaxEnvelopeBytes)
        {
            return Refuse(SnsMessageVerificationFailure.EnvelopeTooLarge, $"the envelope is larger than {_options.MaxEnvelopeBytes} bytes");
        }

        if (SnsEnvelopeReader.Read(text, out string problem) is not { } envelope)
        {
            return Refuse(SnsMessageVerificationFailure.MalformedEnvelope, problem);
        }

        if (envelope["Type"] is not { } typeName || !Types.TryGetValue(typeName, out SnsMessageType type))
        {
            return Refuse(SnsMessageVerificationFailure.UnknownType, "the Type is not Notification, SubscriptionConfirmation or UnsubscribeConfirmation");
        }

        if (SnsStringToSign.Required(type).Concat(["SignatureVersion", "Signature", "SigningCertURL"]).FirstOrDefault(f => envelope[f] is null) is { } missing)
        {
            return Refuse(SnsMessageVerificationFailure.MalformedEnvelope, $"a {typeName} needs the field {missing}");
        }

        int version = envelope["SignatureVersion"] switch { "1" => 1, "2" => 2, _ => 0 };
        if (version == 0)
        {
            return Refuse(SnsMessageVerificationFailure.UnsupportedSignatureVersion, "the SignatureVersion is neither 1 nor 2");
        }

        if (version < _options.MinimumSignatureVersion)
        {
            return Refuse(SnsMessageVerificationFailure.SignatureVersionNotAllowed, $"SignatureVersion {version} is below the minimum {_options.MinimumSignatureVersion}");
        }

        string topic = envelope["TopicArn"]!;
        if (!_topics.Contains(topic))
        {
            return Refuse(SnsMessageVerificationFailure.TopicNotAllowed, $"the topic {topic} is not allowed");
        }

        DateTimeOffset now = _time.GetUtcNow();
        if (!DateTimeOffset.TryParse(envelope["Timestamp"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset timestamp))
        {
            return Refuse(SnsMessageVerificationFailure.MalformedEnvelope, "the Timestamp is not an ISO 8601 time");
        }

        if (timestamp < now - _options.MaxMessageAge || timestamp > now + _options.AllowedClockSkew)
        {
            return Refuse(SnsMessageVerificationFailure.TimestampOutOfWindow, $"the Timestamp {timestamp:O} is outside the window ending {now:O}");
        }

        (X509Certificate2? certificate, SnsMessageVerificationResult? refused) = await CertificateAsync(envelope, cancellationToken).ConfigureAwait(false);
        if (certificate is null)
        {
            return refused!;
        }

        if (!SignatureMatches(certificate, envelope, type, version))
        {
            return Refuse(SnsMessageVerificationFailure.InvalidSignature, "the signature does not verify over the signed fields");
        }

        string messageId = envelope["MessageId"]!;
        if (!_replays.TryAccept($"{topic}\n{messageId}", timestamp + _options.MaxMessageAge, now))
        {
            return Refuse(SnsMessageVerificationFailure.Replayed, $"the message {messageId} was already accepted");
        }

        return SnsMessageVerificationResult.Verified(new VerifiedSnsMessage
        {
            Type = type,
            MessageId = messageId,
            TopicArn = topic,
            Subject = type == SnsMessageType.Notification ? envelope["Subject"] : null,
            Message = envelope["Message"]!,
            Timestamp = timestamp,
            SignatureVersion = version,
            SequenceNumber = envelope["SequenceNumber"],
            SubscribeUrl = envelope["SubscribeURL"] is { } subscribe ? new Uri(subscribe) : null,
            Token = envelope["Token"],
            MessageAttributes = envelope.Attributes,
        });
    }

    private async Task<(X509Certificate2?, SnsMessageVerificationResult?)> CertificateAsync(SnsEnvelope envelope, CancellationToken cancellationToken)
    {
        string certificateUrl = envelope["SigningCertURL"]!;
        Uri? testUrl = _options.TestSigningCertUrl;
        Uri? url = null;
        bool trustedUrl = testUrl is null
            ? SnsHostRule.IsSnsUrl(certificateUrl, certificate: true, out url)
            : Uri.TryCreate(certificateUrl, UriKind.Absolute, out Uri? given) && given == testUrl;
        if (!trustedUrl)
        {
            return (null, Refuse(SnsMessageVerificationFailure.UntrustedCertificateUrl, testUrl is null
                ? "the SigningCertURL is not an https .pem URL on exactly an SNS host"
                : "the SigningCertURL is not the test certificate's URL"));
        }

        foreach (string field in (string[])["SubscribeURL", "UnsubscribeURL"])
        {
            if (envelope[field] is { } link && !(testUrl is null ? SnsHostRule.IsSnsUrl(link, certificate: false, out _) : SameAuthority(link, testUrl)))
            {
                return (null, Refuse(SnsMessageVerificationFailure.UntrustedSubscriptionUrl, $"the {field} is not on an SNS host"));
            }
        }

        if (_options.TestSigningCertificate is { } testCertificate)
        {
            return (testCertificate, null);
        }

        (X509Certificate2? certificate, SnsMessageVerificationFailure? failure) = await _certificates.GetAsync(url!, cancellationToken).ConfigureAwait(false);
        return certificate is null ? (null, Refuse(failure!.Value, $"the certificate at {url} could not be used")) : (certificate, null);
    }

    private static bool SameAuthority(string link, Uri expected) =>
        Uri.TryCreate(link, UriKind.Absolute, out Uri? uri) && uri.Scheme == expected.Scheme && uri.Authority == expected.Authority && uri.UserInfo.Length == 0;

    private static bool SignatureMatches(X509Certificate2 certificate, SnsEnvelope envelope, SnsMessageType type, int version)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(envelope["Signature"]!);
        }
        catch (FormatException)
        {
            return false;
        }

        using RSA? key = certificate.GetRSAPublicKey();
#pragma warning disable CA5350 // SignatureVersion 1 is SHA1withRSA by SNS's definition; MinimumSignatureVersion=2 refuses it.
        HashAlgorithmName hash = version == 2 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;
#pragma warning restore CA5350
        return key is not null && key.VerifyData(SnsStringToSign.Build(envelope, type), signature, hash, RSASignaturePadding.Pkcs1);
    }

    private static SnsMessageVerificationResult Refuse(SnsMessageVerificationFailure failure, string detail) =>
        SnsMessageVerificationResult.Refused(failure, detail);
}
