using System.Net.WebSockets;
using Amazon.Runtime;
using ServiceAuth.Client.AppSync;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.WebSockets;

namespace ServiceAuth.Client.Tests.WebSockets;

/// <summary>Issue 19 item 18: the WebSocket handshakes follow the signed clients' rule: no credentials over plain
/// <c>ws://</c> (<c>http://</c>) to a host that is not loopback unless <c>allowInsecureHttp</c> is set.</summary>
public sealed class InsecureWebSocketTests
{
    private static readonly ImmutableCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token");
    private static readonly Uri ApiGateway = new("ws://abc123.execute-api.eu-west-1.amazonaws.com/prod");
    private static readonly Uri AppSync = new("http://abc.appsync-api.eu-west-1.amazonaws.com/graphql");

    [Fact]
    public void ApiGateway_PlainWsToARemoteHost_IsRefusedBeforeSigning()
    {
        SigningException headers = Should.Throw<SigningException>(() => ApiGatewayWebSocket.CreateConnectHeaders(ApiGateway, Credentials, DateTimeOffset.UnixEpoch));
        Should.Throw<SigningException>(() => ApiGatewayWebSocket.CreatePresignedConnectUri(ApiGateway, Credentials, DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1)));

        headers.Message.ShouldBe("Refusing to sign a plain ws:// request to 'abc123.execute-api.eu-west-1.amazonaws.com': signed requests go over HTTPS. Use wss://, or set allowInsecureHttp = true for a trusted network.");
    }

    [Fact]
    public async Task ApiGateway_ConnectAsync_PlainWsToARemoteHost_FailsWithoutConnecting()
    {
        using var socket = new ClientWebSocket();

        await Should.ThrowAsync<SigningException>(() => ApiGatewayWebSocket.ConnectAsync(socket, ApiGateway, new BasicAWSCredentials("AKIDEXAMPLE", "secret")));

        socket.State.ShouldBe(WebSocketState.None);
    }

    [Fact]
    public void ApiGateway_PlainWsToLoopback_OrWithAllowInsecureHttp_IsSigned()
    {
        ApiGatewayWebSocket.CreateConnectHeaders(new Uri("ws://127.0.0.1:8080/prod"), Credentials, DateTimeOffset.UnixEpoch, "eu-west-1").ShouldContain(h => h.Key == "Authorization");
        ApiGatewayWebSocket.CreateConnectHeaders(ApiGateway, Credentials, DateTimeOffset.UnixEpoch, allowInsecureHttp: true).ShouldContain(h => h.Key == "Authorization");
    }

    [Fact]
    public async Task AppSync_PlainHttpToARemoteHost_IsRefusedEverywhere()
    {
        using var socket = new ClientWebSocket();

        Should.Throw<SigningException>(() => AppSyncRealtime.CreateConnectUri(AppSync, Credentials, DateTimeOffset.UnixEpoch)).Message.ShouldContain("allowInsecureHttp");
        Should.Throw<SigningException>(() => AppSyncRealtime.CreateSubscriptionAuthorization(AppSync, "{}", Credentials, DateTimeOffset.UnixEpoch));
        await Should.ThrowAsync<SigningException>(() => AppSyncRealtime.ConnectAsync(socket, AppSync, new BasicAWSCredentials("AKIDEXAMPLE", "secret")));
        socket.State.ShouldBe(WebSocketState.None);
    }

    [Fact]
    public void AppSync_WithAllowInsecureHttp_IsSignedForWs()
    {
        Uri uri = AppSyncRealtime.CreateConnectUri(AppSync, Credentials, DateTimeOffset.UnixEpoch, allowInsecureHttp: true);

        uri.Scheme.ShouldBe("ws");
        uri.Query.ShouldContain("header=");
    }
}
