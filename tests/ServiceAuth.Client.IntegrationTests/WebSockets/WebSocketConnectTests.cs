using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.AppSync;
using ServiceAuth.Client.WebSockets;

namespace ServiceAuth.Client.IntegrationTests.WebSockets;

/// <summary>The <c>ConnectAsync</c> helpers open a real <see cref="ClientWebSocket"/> against a loopback Kestrel WebSocket
/// server that records the opening request: AppSync's signed query and subprotocol, API Gateway's signed headers.</summary>
public sealed class WebSocketConnectTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, string Query, string? Authorization, string? AmzDate, string[] Protocols)> _opened = new();
    private WebApplication _server = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.UseWebSockets();
        _server.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            _opened.Enqueue((context.Request.Path, context.Request.QueryString.Value ?? string.Empty, context.Request.Headers.Authorization.FirstOrDefault(),
                context.Request.Headers["X-Amz-Date"].FirstOrDefault(), [.. context.WebSockets.WebSocketRequestedProtocols]));
            using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync(context.WebSockets.WebSocketRequestedProtocols.FirstOrDefault());
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        });
        await _server.StartAsync();
        _base = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AppSyncRealtime_ConnectsWithTheSignedHeaderQueryAndGraphqlWs()
    {
        using var socket = new ClientWebSocket();

        await AppSyncRealtime.ConnectAsync(socket, new Uri(_base, "graphql"), new BasicAWSCredentials("AKIDEXAMPLE", "secret"), "eu-west-1");

        socket.SubProtocol.ShouldBe("graphql-ws");
        var opened = _opened.ShouldHaveSingleItem();
        opened.Path.ShouldBe("/graphql/realtime");
        opened.Protocols.ShouldBe(["graphql-ws"]);
        string header = Uri.UnescapeDataString(opened.Query.TrimStart('?').Split('&')[0]["header=".Length..]);
        using JsonDocument headers = JsonDocument.Parse(Convert.FromBase64String(header));
        headers.RootElement.GetProperty("Authorization").GetString()!.ShouldContain("/eu-west-1/appsync/aws4_request");
        opened.Query.ShouldEndWith("&payload=e30%3D");
    }

    [Fact]
    public async Task ApiGatewayWebSocket_ConnectsWithTheSignedConnectHeaders()
    {
        using var socket = new ClientWebSocket();

        await ApiGatewayWebSocket.ConnectAsync(socket, new Uri(new UriBuilder(_base) { Scheme = "ws" }.Uri, "prod"), new BasicAWSCredentials("AKIDEXAMPLE", "secret"), "eu-west-1");

        socket.State.ShouldBeOneOf(WebSocketState.Open, WebSocketState.CloseReceived);
        var opened = _opened.ShouldHaveSingleItem();
        opened.Path.ShouldBe("/prod");
        opened.Authorization!.ShouldStartWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/");
        opened.Authorization.ShouldContain("/eu-west-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date,");
        opened.AmzDate.ShouldNotBeNull();
    }
}
