namespace ServiceAuth.Client.WebSockets;

/// <summary>What <c>GET @connections/{connectionId}</c> reports about a connected client.</summary>
public sealed class ApiGatewayConnectionInfo
{
    /// <summary>Initializes a new instance of the <see cref="ApiGatewayConnectionInfo"/> class.</summary>
    /// <param name="connectedAt">When the client connected.</param>
    /// <param name="lastActiveAt">When the connection last sent or received a message.</param>
    /// <param name="sourceIp">The client's source IP, if reported.</param>
    /// <param name="userAgent">The client's user agent, if reported.</param>
    public ApiGatewayConnectionInfo(DateTimeOffset connectedAt, DateTimeOffset lastActiveAt, string? sourceIp, string? userAgent)
    {
        ConnectedAt = connectedAt;
        LastActiveAt = lastActiveAt;
        SourceIp = sourceIp;
        UserAgent = userAgent;
    }

    /// <summary>Gets when the client connected.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>Gets when the connection last sent or received a message.</summary>
    public DateTimeOffset LastActiveAt { get; }

    /// <summary>Gets the client's source IP, if API Gateway reported it.</summary>
    public string? SourceIp { get; }

    /// <summary>Gets the client's user agent, if API Gateway reported it.</summary>
    public string? UserAgent { get; }
}
