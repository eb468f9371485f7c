using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.AppSync;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.AppSync;

/// <summary>IAM-signed GraphQL against the local AppSync API: the signature is verified, data and GraphQL errors come back
/// with HTTP 200, a principal the policy does not name gets 401, and the real-time handshake headers verify.</summary>
public sealed class AppSyncLocalEndpointTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly LocalAwsEndpoint _endpoint;
    private readonly LocalUser _serviceA;
    private readonly List<AppSyncOperation> _operations = [];

    public AppSyncLocalEndpointTests()
    {
        _endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = _time, Region = "eu-west-1" });
        _serviceA = _endpoint.AddUser("service-a", "111111111111");
        _endpoint.AddAppSyncApi(
            op =>
            {
                _operations.Add(op);
                return op.OperationName == "Broken"
                    ? AppSyncOperation.Error("getOrder", "DynamoDB:ConditionalCheckFailedException", "The conditional request failed")
                    : AppSyncOperation.Data("""{"getOrder":{"id":"42","status":"PLACED"}}""");
            },
            _serviceA.Arn);
    }

    [Fact]
    public async Task SignedGraphQLPost_IsVerified_AndAnsweredWithData()
    {
        using ServiceProvider provider = Build(_serviceA);

        (HttpStatusCode status, JsonElement body) = await PostAsync(provider, """{"query":"query GetOrder($id: ID!) { getOrder(id: $id) { id status } }","operationName":"GetOrder","variables":{"id":"42"}}""");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("data").GetProperty("getOrder").GetProperty("status").GetString().ShouldBe("PLACED");
        AppSyncOperation op = _operations.ShouldHaveSingleItem();
        (op.OperationName, op.Variables, op.CallerArn).ShouldBe(("GetOrder", """{"id":"42"}""", _serviceA.Arn));
    }

    [Fact]
    public async Task GraphQLError_ComesBackWithHttp200()
    {
        using ServiceProvider provider = Build(_serviceA);

        (HttpStatusCode status, JsonElement body) = await PostAsync(provider, """{"query":"mutation Broken { getOrder(id: 1) { id } }","operationName":"Broken"}""");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("data").GetProperty("getOrder").ValueKind.ShouldBe(JsonValueKind.Null);
        JsonElement error = body.GetProperty("errors")[0];
        error.GetProperty("errorType").GetString().ShouldBe("DynamoDB:ConditionalCheckFailedException");
        error.GetProperty("message").GetString().ShouldBe("The conditional request failed");
    }

    [Fact]
    public async Task PrincipalNotAllowed_Gets401UnauthorizedException_AndBadSignature403()
    {
        LocalUser outsider = _endpoint.AddUser("outsider", "444444444444");
        using ServiceProvider provider = Build(outsider);

        (HttpStatusCode status, JsonElement body) = await PostAsync(provider, """{"query":"{ a }"}""");
        status.ShouldBe(HttpStatusCode.Unauthorized);
        body.GetProperty("errors")[0].GetProperty("errorType").GetString().ShouldBe("UnauthorizedException");

        using var unsigned = new HttpClient(_endpoint.CreateHandler());
        using HttpResponseMessage anonymous = await unsigned.PostAsync(new Uri(_endpoint.BaseAddress, "graphql"), new StringContent("""{"query":"{ a }"}"""));
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("UnauthorizedException");
        anonymous.Headers.GetValues("x-amzn-RequestId").ShouldHaveSingleItem();
        _operations.ShouldBeEmpty();
    }

    [Fact]
    public async Task RealtimeHandshakeHeaders_VerifyAgainstTheEndpoint()
    {
        Uri connect = AppSyncRealtime.CreateConnectUri(new Uri(_endpoint.BaseAddress, "graphql"), _serviceA.Credentials, _time.GetUtcNow(), "eu-west-1", allowInsecureHttp: !_endpoint.BaseAddress.IsLoopback);
        string header = Uri.UnescapeDataString(connect.Query.TrimStart('?').Split('&')[0]["header=".Length..]);
        using JsonDocument headers = JsonDocument.Parse(Convert.FromBase64String(header));

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint.BaseAddress, "graphql/connect")) { Content = new ByteArrayContent("{}"u8.ToArray()) };
        foreach (JsonProperty h in headers.RootElement.EnumerateObject().Where(h => h.Name != "host"))
        {
            bool added = h.Name.StartsWith("content-", StringComparison.Ordinal)
                ? request.Content.Headers.TryAddWithoutValidation(h.Name, h.Value.GetString())
                : request.Headers.TryAddWithoutValidation(h.Name, h.Value.GetString());
            added.ShouldBeTrue(h.Name);
        }

        using var client = new HttpClient(_endpoint.CreateHandler());
        using HttpResponseMessage response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        connect.Scheme.ShouldBe("ws");
        connect.AbsolutePath.ShouldBe("/graphql/realtime");
    }

    public ValueTask DisposeAsync() => _endpoint.DisposeAsync();

    private static async Task<(HttpStatusCode, JsonElement)> PostAsync(ServiceProvider provider, string json)
    {
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("appsync");
        using HttpResponseMessage response = await client.PostAsync("graphql", new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private ServiceProvider Build(LocalUser user)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSignedHttpClient("appsync", o =>
        {
            o.BaseAddress = _endpoint.BaseAddress;   // in production: https://<id>.appsync-api.<region>.amazonaws.com/ (both inferred)
            o.Region = "eu-west-1";
            o.Service = "appsync";
            o.AllowInsecureHttp = true;
            o.Credentials = user.ToAwsCredentials();
        }).ConfigurePrimaryHttpMessageHandler(_endpoint.CreateHandler);
        return services.BuildServiceProvider();
    }
}
