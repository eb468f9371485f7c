namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// The body of one flight: take a call slot (known access-key ids first), look at the cache again (a request that
/// waited may find the token verified meanwhile), call STS, and remember a confirmed token.
/// </summary>
internal static class StsVerification
{
    public static async Task<StsOutcome> RunAsync(IHttpClientFactory clients, IdentityTokenSchemeState state, TimeProvider time, string token, ValidatedStsRequest request, string scheme, string issuer)
    {
        IamIdentityTokenAuthenticationOptions options = state.Options;
        using IDisposable? slot = await state.Gate.EnterAsync(request.AccessKeyId, state.KnownKeys.Contains(request.AccessKeyId), CancellationToken.None).ConfigureAwait(false);
        if (slot is null)
        {
            return new(null, new(IamIdentityTokenFailureReason.StsTimeout,
                $"no STS call slot freed up within {options.StsSlotWait.TotalSeconds:0.###} s (of {options.MaxConcurrentStsCalls}, half kept for access keys verified before; at most {options.MaxConcurrentStsCallsPerAccessKey} per access key)"));
        }

        if (state.Cache.Find(token) is { } cached)
        {
            return new(cached, null);
        }

        (CallerIdentity? identity, TokenFailure? failure) = await new StsIdentityClient(clients, state, time).CallAsync(request, CancellationToken.None).ConfigureAwait(false);
        if (identity is null)
        {
            return new(null, failure);
        }

        var verified = new VerifiedToken(identity, request.SignedAt, request.Audience, scheme, issuer);
        if (request.Challenge is null)
        {
            state.Cache.Add(token, verified); // a challenge-bound token is single use: never served from the cache
        }

        return new(verified, null);
    }
}
