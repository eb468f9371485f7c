using System.Net;
using System.Text.Json;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.WebSockets;

/// <summary>
/// The API Gateway <c>@connections</c> management API of one WebSocket stage: <c>POST</c> (send), <c>GET</c> (info) and
/// <c>DELETE</c> (disconnect) <c>…/&lt;stage&gt;/@connections/{connectionId}</c> through a SigV4-signed client (service
/// <c>execute-api</c>). Register it with <c>services.AddApiGatewayConnections(o =&gt; o.BaseAddress = new
/// Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/"))</c>. The connection id is sent percent-encoded
/// (<c>=</c> as <c>%3D</c>, <c>@</c> literal in <c>@connections</c>), and the signer double-encodes the canonical path, as
/// the AWS SDKs do and API Gateway verifies.
/// </summary>
/// <param name="client">A signed client whose <see cref="HttpClient.BaseAddress"/> is the stage URL, ending in <c>/</c>.</param>
public sealed class ApiGatewayConnections(HttpClient client)
{
    /// <summary>Sends data to a connected client.</summary>
    /// <param name="connectionId">The connection id.</param>
    /// <param name="data">The message.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when sent; <see langword="false"/> when the client is gone (<c>410 GoneException</c>).</returns>
    /// <exception cref="ApiGatewayConnectionException">Any other error answer.</exception>
    public async Task<bool> PostToConnectionAsync(string connectionId, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path(connectionId)) { Content = new ReadOnlyMemoryContent(data) };
        using HttpResponseMessage response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await CheckAsync(response, connectionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets what API Gateway knows about a connection.</summary>
    /// <param name="connectionId">The connection id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The connection, or <see langword="null"/> when it is gone.</returns>
    /// <exception cref="ApiGatewayConnectionException">Any other error answer.</exception>
    public async Task<ApiGatewayConnectionInfo?> GetConnectionAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path(connectionId));
        using HttpResponseMessage response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!await CheckAsync(response, connectionId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        JsonElement root = json.RootElement;
        JsonElement identity = root.TryGetProperty("identity", out JsonElement i) ? i : default;
        return new ApiGatewayConnectionInfo(
            root.GetProperty("connectedAt").GetDateTimeOffset(),
            root.GetProperty("lastActiveAt").GetDateTimeOffset(),
            identity.ValueKind == JsonValueKind.Object && identity.TryGetProperty("sourceIp", out JsonElement ip) ? ip.GetString() : null,
            identity.ValueKind == JsonValueKind.Object && identity.TryGetProperty("userAgent", out JsonElement agent) ? agent.GetString() : null);
    }

    /// <summary>Disconnects a client.</summary>
    /// <param name="connectionId">The connection id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when disconnected; <see langword="false"/> when it was already gone.</returns>
    /// <exception cref="ApiGatewayConnectionException">Any other error answer.</exception>
    public async Task<bool> DeleteConnectionAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, Path(connectionId));
        using HttpResponseMessage response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await CheckAsync(response, connectionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The relative path: <c>@connections/</c> plus the id percent-encoded as one segment.</summary>
    internal static Uri Path(string connectionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        return new Uri("@connections/" + Uri.EscapeDataString(connectionId), UriKind.Relative);
    }

    private static async Task<bool> CheckAsync(HttpResponseMessage response, string connectionId, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return true;
        }

        if (response.StatusCode == HttpStatusCode.Gone)
        {
            return false;
        }

        string? code = await AwsErrorResponse.ReadCodeAsync(response, cancellationToken).ConfigureAwait(false);
        throw new ApiGatewayConnectionException(code ?? string.Empty, response.StatusCode, connectionId);
    }
}
