using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Testing;
using ServiceAuth.Client.WebSockets;

namespace ServiceAuth.Client.IntegrationTests.WebSockets;

/// <summary>
/// API Gateway WebSocket APIs against the local endpoint's independent verifier: the IAM-signed <c>$connect</c> request
/// (headers and presigned query), and the <c>@connections</c> management API, one test per method, with a connection id
/// whose <c>=</c> must be encoded in the path exactly as API Gateway verifies it.
/// </summary>
public sealed class ApiGatewayWebSocketTests : IAsyncDisposable
{
    private const string ConnectionId = "L0SM9cOFvHcCIhw=";
    private readonly FakeTimeProvider _time = new();
    private readonly LocalAwsEndpoint _endpoint;
    private readonly LocalUser _backend;
    private readonly List<ApiInvocation> _calls = [];

    public ApiGatewayWebSocketTests()
    {
        _endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = _time });
        _backend = _endpoint.AddUser("chat-backend", "111111111111");
        _endpoint.AddApi("GET", "/prod", [_backend.Arn], Record(HttpStatusCode.OK, null));
        _endpoint.AddApi("ANY", "/prod/@connections/{connectionId}", [_backend.Arn], call => call.RouteValues["connectionId"] == "gone=" ? new HttpResponseMessage(HttpStatusCode.Gone) : Record(
            HttpStatusCode.OK, call.Method == "GET" ? """{"connectedAt":"2026-11-22T12:00:00.000Z","identity":{"sourceIp":"192.0.2.1","userAgent":"test"},"lastActiveAt":"2026-11-22T12:05:00.000Z"}""" : null)(call));
    }

    [Fact]
    public async Task ConnectHeaders_SignTheConnectRequest()
    {
        IReadOnlyList<KeyValuePair<string, string>> headers = ApiGatewayWebSocket.CreateConnectHeaders(new Uri("ws://local-aws.test/prod"), _backend.Credentials, _time.GetUtcNow(), "us-east-1", allowInsecureHttp: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_endpoint.BaseAddress, "prod"));
        foreach ((string name, string value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");   // unsigned handshake headers are fine
        using var client = new HttpClient(_endpoint.CreateHandler());
        using HttpResponseMessage response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        headers.Select(h => h.Key).ShouldBe(["X-Amz-Date", "Authorization"], ignoreOrder: true);
        _calls.ShouldHaveSingleItem().CallerArn.ShouldBe(_backend.Arn);
    }

    [Fact]
    public async Task PresignedConnectUri_IsVerified()
    {
        Uri presigned = ApiGatewayWebSocket.CreatePresignedConnectUri(new Uri("ws://local-aws.test/prod"), _backend.Credentials, _time.GetUtcNow(), TimeSpan.FromMinutes(5), "us-east-1", allowInsecureHttp: true);

        presigned.Scheme.ShouldBe("ws");
        presigned.Query.ShouldContain("X-Amz-Credential=" + _backend.Credentials.AccessKey + "%2F");
        using var client = new HttpClient(_endpoint.CreateHandler());
        using HttpResponseMessage response = await client.GetAsync(new UriBuilder(presigned) { Scheme = "http", Port = -1 }.Uri);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void PresignedConnectUri_ForAnExecuteApiHost_InfersRegionAndKeepsWss()
    {
        Uri presigned = ApiGatewayWebSocket.CreatePresignedConnectUri(new Uri("wss://abc123.execute-api.eu-west-1.amazonaws.com/prod"), _backend.Credentials, _time.GetUtcNow(), TimeSpan.FromMinutes(1));

        presigned.GetLeftPart(UriPartial.Path).ShouldBe("wss://abc123.execute-api.eu-west-1.amazonaws.com/prod");
        Uri.UnescapeDataString(presigned.Query).ShouldContain("/eu-west-1/execute-api/aws4_request");
    }

    [Fact]
    public async Task PostToConnection_SendsTheData_ToTheEncodedPath()
    {
        using ServiceProvider provider = Build();

        bool sent = await provider.GetRequiredService<ApiGatewayConnections>().PostToConnectionAsync(ConnectionId, "hello"u8.ToArray());

        sent.ShouldBeTrue();
        ApiInvocation call = _calls.ShouldHaveSingleItem();
        (call.Method, call.RouteValues["connectionId"], call.Body).ShouldBe(("POST", ConnectionId, "hello"));
        _endpoint.Requests.ShouldHaveSingleItem().Path.ShouldBe("/prod/@connections/L0SM9cOFvHcCIhw%3D");
    }

    [Fact]
    public async Task GetConnection_ReadsTheConnectionInfo()
    {
        using ServiceProvider provider = Build();

        ApiGatewayConnectionInfo? info = await provider.GetRequiredService<ApiGatewayConnections>().GetConnectionAsync(ConnectionId);

        info.ShouldNotBeNull();
        info.ConnectedAt.ShouldBe(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        info.LastActiveAt.ShouldBe(new DateTimeOffset(2026, 11, 22, 12, 5, 0, TimeSpan.Zero));
        info.SourceIp.ShouldBe("192.0.2.1");
        info.UserAgent.ShouldBe("test");
        _calls.ShouldHaveSingleItem().RouteValues["connectionId"].ShouldBe(ConnectionId);
    }

    [Fact]
    public async Task DeleteConnection_Disconnects_AndGoneIsFalse()
    {
        using ServiceProvider provider = Build();
        ApiGatewayConnections connections = provider.GetRequiredService<ApiGatewayConnections>();

        (await connections.DeleteConnectionAsync(ConnectionId)).ShouldBeTrue();
        (await connections.DeleteConnectionAsync("gone=")).ShouldBeFalse();

        _calls.ShouldHaveSingleItem().Method.ShouldBe("DELETE");
    }

    [Fact]
    public async Task NotAllowed_ThrowsWithTheErrorType()
    {
        LocalUser outsider = _endpoint.AddUser("outsider", "444444444444");
        using ServiceProvider provider = Build(outsider);

        ApiGatewayConnectionException ex = await Should.ThrowAsync<ApiGatewayConnectionException>(() => provider.GetRequiredService<ApiGatewayConnections>().DeleteConnectionAsync(ConnectionId));

        (ex.StatusCode, ex.Code).ShouldBe((HttpStatusCode.Forbidden, "AccessDeniedException"));
    }

    public ValueTask DisposeAsync() => _endpoint.DisposeAsync();

    private Func<ApiInvocation, HttpResponseMessage> Record(HttpStatusCode status, string? json) => call =>
    {
        _calls.Add(call);
        return new HttpResponseMessage(status) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
    };

    private ServiceProvider Build(LocalUser? user = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddApiGatewayConnections(o =>
        {
            o.BaseAddress = new Uri(_endpoint.BaseAddress, "prod/");   // https://<id>.execute-api.<region>.amazonaws.com/<stage>/
            o.Region = "us-east-1";
            o.Service = "execute-api";
            o.AllowInsecureHttp = true;
            o.Credentials = (user ?? _backend).ToAwsCredentials();
        }).ConfigurePrimaryHttpMessageHandler(_endpoint.CreateHandler);
        return services.BuildServiceProvider();
    }
}
