namespace ServiceAuth.Client.Testing.Internal.Auth;

/// <summary>
/// What AWS checks of a SigV4 authorization besides the signature itself: the credential scope names the endpoint's
/// region and the service the request addresses, the date and the session token are signed, and a presigned URL lives
/// at most 7 days.
/// </summary>
internal static class SigV4ScopeRules
{
    public static AuthFailure? Check(SigV4Authorization auth, string? region, string? service)
    {
        if (auth.IsPresigned && auth.ExpiresSeconds is < 1 or > SigV4Verifier.MaxExpiresSeconds)
        {
            return new AuthFailure(AuthFailureKind.IncompleteSignature, $"X-Amz-Expires must be less than a week (in seconds) that is {SigV4Verifier.MaxExpiresSeconds}");
        }

        if (!auth.IsPresigned && !auth.SignedHeaders.Contains("x-amz-date", StringComparer.Ordinal))
        {
            return new AuthFailure(AuthFailureKind.IncompleteSignature, "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
        }

        if (!auth.IsPresigned && auth.SecurityToken is not null && !auth.SignedHeaders.Contains("x-amz-security-token", StringComparer.Ordinal))
        {
            return new AuthFailure(AuthFailureKind.IncompleteSignature, "'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.");
        }

        // SigV4a scopes name no region: its X-Amz-Region-Set is checked by the verifier.
        if (region is not null && !auth.IsSigV4a && !string.Equals(auth.Region, region, StringComparison.Ordinal))
        {
            return new AuthFailure(AuthFailureKind.SignatureDoesNotMatch, $"Credential should be scoped to a valid region, not '{auth.Region}'. ");
        }

        if (service is not null && !string.Equals(auth.Service, service, StringComparison.Ordinal))
        {
            return new AuthFailure(AuthFailureKind.SignatureDoesNotMatch, $"Credential should be scoped to correct service: '{service}'. ");
        }

        return null;
    }

    /// <summary>Whether the service takes <c>x-amz-content-sha256: UNSIGNED-PAYLOAD</c> as the payload hash (S3 only; the
    /// endpoint serves none of those).</summary>
    public static bool AcceptsUnsignedPayload(string service) => service is "s3" or "s3-object-lambda";
}
