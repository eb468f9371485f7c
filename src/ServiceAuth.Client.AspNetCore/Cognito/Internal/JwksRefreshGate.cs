using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>
/// Fetches a pool's keys again when a token names an unknown <c>kid</c>, so that the request carrying the first token
/// of a rotated key is accepted (JwtBearer alone refreshes in the background and refuses that request). One fetch at a
/// time, at most one per 5 minutes per scheme (random <c>kid</c>s cannot turn into a stream of JWKS requests); within
/// that window the keys of the last fetch answer. The interval is measured with timestamps: a wall clock stepped back
/// does not stretch it.
/// </summary>
internal sealed class JwksRefreshGate
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(5);

    private readonly TimeProvider _timeProvider;
    private readonly object _gate = new();
    private long _lastFetch;
    private Task<ICollection<SecurityKey>?>? _keys;

    public JwksRefreshGate(TimeProvider timeProvider) => _timeProvider = timeProvider;

    public Task<ICollection<SecurityKey>?> GetKeysAsync(string metadataAddress, HttpClient backchannel, bool requireHttps)
    {
        lock (_gate)
        {
            if (_keys is { } recent && (!recent.IsCompleted || _timeProvider.GetElapsedTime(_lastFetch) < MinInterval))
            {
                return recent;
            }

            _lastFetch = _timeProvider.GetTimestamp();
            return _keys = FetchAsync(metadataAddress, backchannel, requireHttps);
        }
    }

    private static async Task<ICollection<SecurityKey>?> FetchAsync(string metadataAddress, HttpClient backchannel, bool requireHttps)
    {
        try
        {
            var retriever = new HttpDocumentRetriever(backchannel) { RequireHttps = requireHttps };
            OpenIdConnectConfiguration configuration = await OpenIdConnectConfigurationRetriever.GetAsync(metadataAddress, retriever, CancellationToken.None).ConfigureAwait(false);
            return configuration.SigningKeys;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or HttpRequestException or ArgumentException)
        {
            return null;
        }
    }
}
