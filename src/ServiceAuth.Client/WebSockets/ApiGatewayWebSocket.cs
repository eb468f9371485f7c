using System.Net.WebSockets;
using Amazon.Runtime;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.WebSockets;

/// <summary>
/// Connects to an API Gateway WebSocket API with IAM authorization (<c>$connect</c> route, <c>AWS_IAM</c>): the opening
/// <c>GET</c> of <c>wss://&lt;id&gt;.execute-api.&lt;region&gt;.amazonaws.com/&lt;stage&gt;</c> is signed for
/// <c>execute-api</c>, with headers (<see cref="ConnectAsync"/>) or as a presigned query where headers cannot be set
/// (<see cref="CreatePresignedConnectUri"/>, for browsers and proxies). Pass credentials from
/// <c>IAssumeRoleCredentialsProvider</c> to share the assume-role cache of signed clients. See docs/signing.md ("WebSockets").
/// </summary>
public static class ApiGatewayWebSocket
{
    /// <summary>Presigns the <c>$connect</c> request into the query of the WebSocket URL.</summary>
    /// <param name="endpoint">The WebSocket URL, <c>wss://&lt;id&gt;.execute-api.&lt;region&gt;.amazonaws.com/&lt;stage&gt;</c>;
    /// its own query parameters are kept and signed.</param>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="signingTime">The signing time.</param>
    /// <param name="expiresIn">How long the URL is valid (1 second to 7 days).</param>
    /// <param name="region">The region; inferred from an <c>execute-api</c> host, required for a custom domain.</param>
    /// <param name="allowInsecureHttp">Whether plain <c>ws://</c> (<c>http://</c>) to a host that is not loopback is allowed, as
    /// <c>SignedHttpClientOptions.AllowInsecureHttp</c> allows it for signed clients; otherwise such an endpoint fails with a
    /// <see cref="SigningException"/> before anything is signed.</param>
    /// <returns>The <c>wss://</c> URL with the <c>X-Amz-*</c> query parameters.</returns>
    public static Uri CreatePresignedConnectUri(Uri endpoint, ImmutableCredentials credentials, DateTimeOffset signingTime, TimeSpan expiresIn, string? region = null, bool allowInsecureHttp = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ToHttp(endpoint, allowInsecureHttp));
        Uri presigned = SigV4Signer.Shared.Presign(request, credentials, Parameters(request.RequestUri!, signingTime, region), expiresIn);
        return new UriBuilder(presigned) { Scheme = endpoint.Scheme == "ws" ? "ws" : "wss" }.Uri;
    }

    /// <summary>Signs the <c>$connect</c> request with the current credentials, puts <c>Authorization</c>,
    /// <c>X-Amz-Date</c> and <c>X-Amz-Security-Token</c> on <paramref name="socket"/>'s opening request, and connects.</summary>
    /// <param name="socket">A new, unconnected socket.</param>
    /// <param name="endpoint">The WebSocket URL.</param>
    /// <param name="credentials">The credentials (from the default chain, or the assume-role cache).</param>
    /// <param name="region">The region; inferred from an <c>execute-api</c> host.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="allowInsecureHttp">Whether plain <c>ws://</c> (<c>http://</c>) to a host that is not loopback is allowed, as
    /// <c>SignedHttpClientOptions.AllowInsecureHttp</c> allows it for signed clients; otherwise such an endpoint fails with a
    /// <see cref="SigningException"/> before anything is signed.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the socket is open.</returns>
    public static async Task ConnectAsync(ClientWebSocket socket, Uri endpoint, AWSCredentials credentials, string? region = null, TimeProvider? timeProvider = null, bool allowInsecureHttp = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(credentials);
        ToHttp(endpoint, allowInsecureHttp);
        ImmutableCredentials current = await ServiceAuth.Client.Credentials.Internal.CredentialsWait.GetAsync(credentials, cancellationToken).ConfigureAwait(false);
        foreach ((string name, string value) in CreateConnectHeaders(endpoint, current, (timeProvider ?? TimeProvider.System).GetUtcNow(), region, allowInsecureHttp))
        {
            socket.Options.SetRequestHeader(name, value);
        }

        await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The headers that sign the <c>$connect</c> request (<c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> when the
    /// credentials have one, <c>Authorization</c>; only <c>host</c> and these are signed, so the WebSocket handshake
    /// headers the client adds do not matter).</summary>
    /// <param name="endpoint">The WebSocket URL.</param>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="signingTime">The signing time.</param>
    /// <param name="region">The region; inferred from an <c>execute-api</c> host.</param>
    /// <param name="allowInsecureHttp">Whether plain <c>ws://</c> (<c>http://</c>) to a host that is not loopback is allowed, as
    /// <c>SignedHttpClientOptions.AllowInsecureHttp</c> allows it for signed clients; otherwise such an endpoint fails with a
    /// <see cref="SigningException"/> before anything is signed.</param>
    /// <returns>The header names and values, to set on the opening request.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> CreateConnectHeaders(Uri endpoint, ImmutableCredentials credentials, DateTimeOffset signingTime, string? region = null, bool allowInsecureHttp = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ToHttp(endpoint, allowInsecureHttp));
        SigV4Signer.Shared.Sign(request, credentials, Parameters(request.RequestUri!, signingTime, region));
        return [.. request.Headers.Where(h => h.Key.StartsWith("X-Amz-", StringComparison.OrdinalIgnoreCase) || h.Key == "Authorization")
            .Select(h => new KeyValuePair<string, string>(h.Key, h.Value.First()))];
    }

    private static Uri ToHttp(Uri endpoint, bool allowInsecureHttp)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("wss" or "ws" or "https" or "http"))
        {
            throw new ArgumentException($"WebSocket endpoint '{endpoint}' must be an absolute wss:// URL such as wss://abc123.execute-api.eu-west-1.amazonaws.com/prod.", nameof(endpoint));
        }

        SigningSettings.RequireSecureTransport(endpoint, allowInsecureHttp, "allowInsecureHttp");
        return new UriBuilder(endpoint) { Scheme = endpoint.Scheme is "ws" or "http" ? "http" : "https", Port = endpoint.IsDefaultPort ? -1 : endpoint.Port }.Uri;
    }

    private static SigV4SigningParameters Parameters(Uri http, DateTimeOffset signingTime, string? region)
    {
        if (region is null && !AwsEndpoint.TryInfer(http, out region, out _))
        {
            throw new ArgumentException($"The region of WebSocket endpoint '{http.Host}' cannot be inferred (a custom domain); pass the region.", nameof(region));
        }

        return new SigV4SigningParameters { Region = region, Service = "execute-api", SigningTime = signingTime };
    }
}
