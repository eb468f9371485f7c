namespace ServiceAuth.Client.Sns.Internal;

/// <summary>The error codes of batch entries that are sent again: throttling (including SNS's <c>Throttled</c>, which the AWS
/// SDKs do not retry) and server-side failures.</summary>
internal static class SnsRetryableCodes
{
    public static bool IsRetryable(string? code) => code is
        "Throttling" or "ThrottlingException" or "Throttled" or "ThrottledException" or "RequestThrottled" or
        "RequestLimitExceeded" or "TooManyRequestsException" or "KMSThrottling" or "KMSThrottlingException" or
        "InternalError" or "InternalFailure" or "ServiceUnavailable" or "RequestTimeout";
}
