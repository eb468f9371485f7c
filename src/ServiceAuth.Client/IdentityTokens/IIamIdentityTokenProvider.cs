namespace ServiceAuth.Client.IdentityTokens;

/// <summary>
/// Mints IAM identity tokens for one client: presigned STS <c>GetCallerIdentity</c> requests bound to the client's
/// audience, made locally (no network call) with the client's credentials. Registered by <c>AddIamIdentityToken</c> as a
/// keyed service under the client's name: <c>provider.GetRequiredKeyedService&lt;IIamIdentityTokenProvider&gt;("orders")</c>.
/// </summary>
public interface IIamIdentityTokenProvider
{
    /// <summary>Gets a token for the configured audience: the cached one while it is younger than
    /// <see cref="IamIdentityTokenOptions.CacheDuration"/>, otherwise a freshly minted one.</summary>
    /// <param name="cancellationToken">Cancels waiting for credentials.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ServiceAuthException">No credentials could be obtained, or the token could not be signed.</exception>
    ValueTask<IamIdentityToken> GetTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>Mints a token bound to a challenge the callee issued (never cached: a challenge is single-use).</summary>
    /// <param name="challenge">The callee's challenge, from its <c>WWW-Authenticate</c> <c>sa_challenge</c> parameter.</param>
    /// <param name="cancellationToken">Cancels waiting for credentials.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ServiceAuthException">No credentials could be obtained, or the token could not be signed.</exception>
    ValueTask<IamIdentityToken> GetChallengeTokenAsync(string challenge, CancellationToken cancellationToken = default);
}
