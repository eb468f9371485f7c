using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using ServiceAuth.Client.AppSync.Internal;
using ServiceAuth.Client.Signing;

namespace ServiceAuth.Client.AppSync;

/// <summary>
/// The IAM-authorized AppSync real-time handshake: the <c>header</c> and <c>payload</c> query parameters of
/// <c>wss://&lt;id&gt;.appsync-realtime-api.&lt;region&gt;.amazonaws.com/graphql</c>, where <c>header</c> is the base64 JSON of
/// the SigV4-signed headers of <c>POST https://&lt;id&gt;.appsync-api.&lt;region&gt;.amazonaws.com/graphql/connect</c> with body
/// <c>{}</c>, and <c>payload</c> is base64 <c>{}</c>. Pass credentials from <c>IAssumeRoleCredentialsProvider</c> to share the
/// assume-role cache of signed clients. See docs/signing.md ("AppSync").
/// </summary>
public static class AppSyncRealtime
{
    /// <summary>The WebSocket subprotocol AppSync requires.</summary>
    public const string SubProtocol = "graphql-ws";

    /// <summary>Builds the real-time URL with the signed <c>header</c> and <c>payload</c> query parameters.</summary>
    /// <param name="graphqlEndpoint">The API's GraphQL URL (<c>https://…appsync-api…/graphql</c>), its real-time URL, or a
    /// custom domain's <c>https://api.example.com/graphql</c>.</param>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="signingTime">The signing time.</param>
    /// <param name="region">The region; inferred from an AppSync host, required for a custom domain.</param>
    /// <param name="allowInsecureHttp">Whether plain <c>ws://</c> (<c>http://</c>) to a host that is not loopback is allowed, as
    /// <c>SignedHttpClientOptions.AllowInsecureHttp</c> allows it for signed clients; otherwise such an endpoint fails with a
    /// <see cref="SigningException"/> before anything is signed.</param>
    /// <returns>The <c>wss://</c> URL to connect to with subprotocol <see cref="SubProtocol"/>.</returns>
    public static Uri CreateConnectUri(Uri graphqlEndpoint, ImmutableCredentials credentials, DateTimeOffset signingTime, string? region = null, bool allowInsecureHttp = false)
    {
        (Uri http, Uri realtime, string resolved) = AppSyncEndpoints.Resolve(graphqlEndpoint, region, allowInsecureHttp);
        byte[] header = SignedHeadersJson(new Uri(http, "/graphql/connect"), "{}", credentials, signingTime, resolved);
        return new UriBuilder(realtime) { Query = $"header={Uri.EscapeDataString(Convert.ToBase64String(header))}&payload=e30%3D" }.Uri;
    }

    /// <summary>Builds the <c>authorization</c> object of a subscription <c>start</c> message: the signed headers of
    /// <c>POST …/graphql</c> with the subscription's <c>{"query","variables"}</c> JSON as body.</summary>
    /// <param name="graphqlEndpoint">The API's GraphQL URL.</param>
    /// <param name="data">The exact <c>data</c> string of the start message.</param>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="signingTime">The signing time.</param>
    /// <param name="region">The region; inferred from an AppSync host.</param>
    /// <param name="allowInsecureHttp">Whether plain <c>ws://</c> (<c>http://</c>) to a host that is not loopback is allowed, as
    /// <c>SignedHttpClientOptions.AllowInsecureHttp</c> allows it for signed clients; otherwise such an endpoint fails with a
    /// <see cref="SigningException"/> before anything is signed.</param>
    /// <returns>The JSON object text of the signed headers.</returns>
    public static string CreateSubscriptionAuthorization(Uri graphqlEndpoint, string data, ImmutableCredentials credentials, DateTimeOffset signingTime, string? region = null, bool allowInsecureHttp = false)
    {
        (Uri http, _, string resolved) = AppSyncEndpoints.Resolve(graphqlEndpoint, region, allowInsecureHttp);
        return Encoding.UTF8.GetString(SignedHeadersJson(http, data, credentials, signingTime, resolved));
    }

    /// <summary>Signs the handshake with the current credentials and connects <paramref name="socket"/> with the
    /// <see cref="SubProtocol"/> subprotocol.</summary>
    /// <param name="socket">A new, unconnected socket.</param>
    /// <param name="graphqlEndpoint">The API's GraphQL URL.</param>
    /// <param name="credentials">The credentials (from the default chain, or the assume-role cache).</param>
    /// <param name="region">The region; inferred from an AppSync host.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="allowInsecureHttp">Whether plain <c>ws://</c> (<c>http://</c>) to a host that is not loopback is allowed, as
    /// <c>SignedHttpClientOptions.AllowInsecureHttp</c> allows it for signed clients; otherwise such an endpoint fails with a
    /// <see cref="SigningException"/> before anything is signed.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the socket is open.</returns>
    public static async Task ConnectAsync(ClientWebSocket socket, Uri graphqlEndpoint, AWSCredentials credentials, string? region = null, TimeProvider? timeProvider = null, bool allowInsecureHttp = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(credentials);
        AppSyncEndpoints.Resolve(graphqlEndpoint, region, allowInsecureHttp);
        ImmutableCredentials current = await ServiceAuth.Client.Credentials.Internal.CredentialsWait.GetAsync(credentials, cancellationToken).ConfigureAwait(false);
        Uri uri = CreateConnectUri(graphqlEndpoint, current, (timeProvider ?? TimeProvider.System).GetUtcNow(), region, allowInsecureHttp);
        socket.Options.AddSubProtocol(SubProtocol);
        await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
    }

    private static byte[] SignedHeadersJson(Uri url, string body, ImmutableCredentials credentials, DateTimeOffset signingTime, string region)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Headers.TryAddWithoutValidation("accept", "application/json, text/javascript");
        request.Content.Headers.TryAddWithoutValidation("content-encoding", "amz-1.0");
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/json; charset=UTF-8");
        SigV4Signer.Shared.Sign(request, credentials, new SigV4SigningParameters { Region = region, Service = "appsync", SigningTime = signingTime });
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("accept", "application/json, text/javascript");
            writer.WriteString("content-encoding", "amz-1.0");
            writer.WriteString("content-type", "application/json; charset=UTF-8");
            writer.WriteString("host", url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}");
            foreach (string name in (string[])["x-amz-date", "X-Amz-Security-Token", "x-amz-content-sha256", "Authorization"])
            {
                if (request.Headers.TryGetValues(name, out IEnumerable<string>? values))
                {
                    writer.WriteString(name, values.First());
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
