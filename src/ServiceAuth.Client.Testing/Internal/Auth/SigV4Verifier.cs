using System.Globalization;
using ServiceAuth.Client.Testing.Internal.Identity;

namespace ServiceAuth.Client.Testing.Internal.Auth;

/// <summary>Authenticates a wire request with SigV4 or SigV4a against the keys in an <see cref="IdentityStore"/>.</summary>
internal static class SigV4Verifier
{
    private const string InvalidToken = "The security token included in the request is invalid.";
    private const int StsPresignedSeconds = 900;

    /// <summary>The longest a presigned URL may live, as AWS allows: 7 days.</summary>
    public const int MaxExpiresSeconds = 604800;

    public static (KeyRecord? Caller, SigV4Authorization? Authorization, AuthFailure? Failure) Verify(
        WireRequest request, IdentityStore store, DateTimeOffset now, TimeSpan maxSkew, string? endpointRegion = null, string? service = null, bool checkRegion = true)
    {
        (SigV4Authorization? auth, AuthFailure? failure) = SigV4AuthorizationParser.Parse(request);
        if (auth is null)
        {
            return (null, null, failure);
        }

        if (SigV4ScopeRules.Check(auth, checkRegion ? endpointRegion : null, service) is { } refused)
        {
            return (null, auth, refused);
        }

        KeyRecord? key = store.Find(auth.AccessKeyId);
        if (key is null || key.SessionToken != auth.SecurityToken)
        {
            return (null, auth, new AuthFailure(AuthFailureKind.InvalidClientTokenId, InvalidToken));
        }

        AuthFailure? timeFailure = CheckTime(auth, now, maxSkew);
        if (timeFailure is not null)
        {
            return (key, auth, timeFailure);
        }

        if (auth.ScopeDate != auth.AmzDate[..8])
        {
            return (key, auth, new AuthFailure(
                AuthFailureKind.SignatureDoesNotMatch,
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{auth.ScopeDate}' != '{auth.AmzDate[..8]}', from '{auth.AmzDate}'."));
        }

        if (auth.IsSigV4a && endpointRegion is not null && !RegionSetMatch.Contains(auth.RegionSet!, endpointRegion))
        {
            return (key, auth, new AuthFailure(
                AuthFailureKind.SignatureDoesNotMatch,
                $"The X-Amz-Region-Set '{auth.RegionSet}' does not include the region '{endpointRegion}' that received the request."));
        }

        string actualHash = SigV4Crypto.Sha256Hex(request.Body);
        string? declaredHash = request.Get("x-amz-content-sha256")?.Trim();
        if (declaredHash is { Length: 64 } && !string.Equals(declaredHash, actualHash, StringComparison.OrdinalIgnoreCase))
        {
            return (key, auth, new AuthFailure(AuthFailureKind.SignatureDoesNotMatch, "The provided 'x-amz-content-sha256' header does not match what was computed."));
        }

        // UNSIGNED-PAYLOAD is an S3 feature: STS, SNS and API Gateway hash the body they received, so a request signed
        // with it does not match.
        string payloadHash = declaredHash is { Length: 64 } || (declaredHash is not null && (service is null || SigV4ScopeRules.AcceptsUnsignedPayload(service))) ? declaredHash : actualHash;
        string canonical = SigV4Canonicalizer.CanonicalRequest(request, auth.SignedHeaders, payloadHash, auth.IsPresigned);
        string stringToSign = $"{auth.AlgorithmName}\n{auth.AmzDate}\n{auth.Scope}\n{SigV4Crypto.Sha256Hex(canonical)}";
        bool valid = auth.IsSigV4a
            ? SigV4aPublicKey.Verify(key.AccessKeyId, key.SecretAccessKey, stringToSign, auth.Signature)
            : SigV4Crypto.FixedTimeEquals(SigV4Crypto.Signature(key.SecretAccessKey, auth.ScopeDate, auth.Region, auth.Service, stringToSign), auth.Signature);
        if (!valid)
        {
            return (key, auth, new AuthFailure(
                AuthFailureKind.SignatureDoesNotMatch,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
            {
                CanonicalRequest = canonical,
                StringToSign = stringToSign,
            });
        }

        if (key.IsExpired(now))
        {
            return (key, auth, new AuthFailure(AuthFailureKind.ExpiredToken, "The security token included in the request is expired"));
        }

        return (key, auth, null);
    }

    private static AuthFailure? CheckTime(SigV4Authorization auth, DateTimeOffset now, TimeSpan maxSkew)
    {
        int minutes = (int)maxSkew.TotalMinutes;
        if (auth.IsPresigned)
        {
            // STS accepts a presigned request for 15 minutes after X-Amz-Date, whatever X-Amz-Expires says.
            DateTimeOffset expiresAt = auth.SignedAt.AddSeconds(auth.Service == "sts" ? StsPresignedSeconds : auth.ExpiresSeconds);
            if (now > expiresAt)
            {
                return new AuthFailure(AuthFailureKind.SignatureExpired, $"Signature expired: {Format(expiresAt)} is now earlier than {Format(now)}");
            }
        }
        else if (auth.SignedAt < now - maxSkew)
        {
            return new AuthFailure(
                AuthFailureKind.SignatureExpired,
                $"Signature expired: {auth.AmzDate} is now earlier than {Format(now - maxSkew)} ({Format(now)} - {minutes} min.)");
        }

        if (auth.SignedAt > now + maxSkew)
        {
            return new AuthFailure(
                AuthFailureKind.SignatureExpired,
                $"Signature not yet current: {auth.AmzDate} is still later than {Format(now + maxSkew)} ({Format(now)} + {minutes} min.)");
        }

        return null;
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
