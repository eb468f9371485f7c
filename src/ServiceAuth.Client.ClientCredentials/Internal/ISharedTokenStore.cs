namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>
/// The seam for fleet sharing (ServiceAuth.Client.ClientCredentials.Caching implements it; registered in the container, the token cache
/// uses it). <see cref="TokenEntry"/> keeps every in-process guarantee (single flight, refresh ahead, backoff, fail
/// fast): it calls this store instead of the token endpoint when its entry is cold or refreshing. The store looks in a
/// shared cache under <c>sharedKey</c> (a keyed hash of the registration and its secret, see
/// <see cref="TokenCacheKey.HashSecret"/>), else calls <c>fetchFromIdentityProvider</c> and shares the result. A store
/// failure must never fail the fetch: it falls back to the identity provider. Only a failure of the identity provider
/// itself may be thrown.
/// </summary>
internal interface ISharedTokenStore
{
    Task<AccessToken> GetOrFetchAsync(
        string sharedKey, string description, Func<CancellationToken, Task<AccessToken>> fetchFromIdentityProvider, CancellationToken cancellationToken);

    /// <summary>A target refused <paramref name="token"/> (401 <c>invalid_token</c>): it is never taken from the shared
    /// cache again, and the shared entry is removed while it still holds it.</summary>
    void Rejected(AccessToken token);
}
