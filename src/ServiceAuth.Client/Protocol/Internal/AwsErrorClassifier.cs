using System.Net;
using System.Net.Sockets;
using Polly.Timeout;

namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>
/// One classification of AWS errors for STS calls, the signing handler and the retry handler, with the error-code lists
/// the AWS SDKs use (docs/credentials.md, "Failure behaviour").
/// </summary>
internal static class AwsErrorClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException", "IDPCommunicationError", "Throttled", "KMSThrottling", "KMSThrottlingException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
    };

    private static readonly HashSet<string> RejectedCredentialCodes = new(StringComparer.Ordinal)
    {
        "ExpiredToken", "ExpiredTokenException", "InvalidToken", "InvalidClientTokenId",
    };

    private static readonly HashSet<string> ClockSkewCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture",
    };

    private static readonly HashSet<string> SignatureCodes = new(StringComparer.Ordinal)
    {
        "SignatureDoesNotMatch", "InvalidSignatureException", "AuthFailure",
    };

    /// <summary>Whether an error code alone (a PublishBatch entry's, say) is worth sending again: throttling or transient.</summary>
    public static bool IsRetryable(string? errorCode) => Classify(0, errorCode) is AwsErrorKind.Throttling or AwsErrorKind.Transient;

    /// <summary>Classifies an error answer by its code first, then by its status.</summary>
    public static AwsErrorKind Classify(int statusCode, string? errorCode)
    {
        if (errorCode is { Length: > 0 })
        {
            if (ThrottlingCodes.Contains(errorCode))
            {
                return AwsErrorKind.Throttling;
            }

            if (TransientCodes.Contains(errorCode))
            {
                return AwsErrorKind.Transient;
            }

            if (RejectedCredentialCodes.Contains(errorCode))
            {
                return AwsErrorKind.RejectedCredentials;
            }

            if (ClockSkewCodes.Contains(errorCode))
            {
                return AwsErrorKind.ClockSkew;
            }

            if (SignatureCodes.Contains(errorCode))
            {
                return AwsErrorKind.PossibleClockSkew;
            }
        }

        return statusCode switch
        {
            429 => AwsErrorKind.Throttling,
            500 or 502 or 503 or 504 => AwsErrorKind.Transient,
            _ when statusCode >= 400 => AwsErrorKind.NonRecoverable,
            _ => AwsErrorKind.None,
        };
    }

    /// <summary>Classifies an exception thrown while sending: timeouts and connection failures are transient unless the
    /// caller cancelled; our own exceptions (credentials unavailable, cannot sign) are never retried.</summary>
    public static AwsErrorKind Classify(Exception exception, CancellationToken callerToken = default) => exception switch
    {
        ServiceAuthException => AwsErrorKind.None,
        OperationCanceledException when callerToken.IsCancellationRequested => AwsErrorKind.None,
        TimeoutRejectedException or TimeoutException or OperationCanceledException => AwsErrorKind.Transient,
        HttpRequestException { StatusCode: { } status } => Classify((int)status, null),
        HttpRequestException or IOException or SocketException or WebException => AwsErrorKind.Transient,
        _ when exception.InnerException is { } inner => Classify(inner, callerToken),
        _ => AwsErrorKind.None,
    };

    /// <summary>Whether a retry may help: throttling and transient errors.</summary>
    public static bool IsRetryable(AwsErrorKind kind) => kind is AwsErrorKind.Throttling or AwsErrorKind.Transient;
}
