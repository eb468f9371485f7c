using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>
/// The pool's discovery document and JWKS as JwtBearer's own <c>ConfigurationManager</c> keeps them (cached, refreshed
/// on its interval and on an unknown <c>kid</c>), handed to JwtBearer through the plain interface. Not being a
/// <c>BaseConfigurationManager</c>, it keeps JwtBearer from recording a "last known good" configuration after every
/// valid token: Microsoft.IdentityModel writes that into an event-driven LRU cache on each request, which woke a
/// thread-pool thread per request and made a cached-key validation cost 15 % more than a fixed key. Keys that left the
/// JWKS are therefore not tried again; a token of a new key still triggers the in-line refresh.
/// </summary>
internal sealed class CognitoConfigurationManager(IConfigurationManager<OpenIdConnectConfiguration> inner) : IConfigurationManager<OpenIdConnectConfiguration>
{
    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) => inner.GetConfigurationAsync(cancel);

    public void RequestRefresh() => inner.RequestRefresh();
}
