namespace ServiceAuth.Client.WebSockets;

/// <summary>What <c>GET @connections/{connectionId}</c> reports about a connected client.</summary>
/// <param name="ConnectedAt">When the client connected.</param>
/// <param name="LastActiveAt">When the connection last sent or received a message.</param>
/// <param name="SourceIp">The client's source IP, if reported.</param>
/// <param name="UserAgent">The client's user agent, if reported.</param>
public sealed record ApiGatewayConnectionInfo(DateTimeOffset ConnectedAt, DateTimeOffset LastActiveAt, string? SourceIp, string? UserAgent);
