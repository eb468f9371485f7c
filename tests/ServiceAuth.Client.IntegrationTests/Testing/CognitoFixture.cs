using System.Net.Http.Headers;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Time.Testing;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Testing;

/// <summary>A local endpoint on fake time with one pool: resource server <c>orders</c> (read, write), client
/// <c>reader</c> (orders/read) and client <c>writer</c> (orders/read, orders/write).</summary>
public sealed class CognitoFixture : IAsyncDisposable
{
    private CognitoFixture(LocalAwsEndpoint endpoint, FakeTimeProvider time)
    {
        Endpoint = endpoint;
        Time = time;
        Pool = endpoint.AddUserPool();
        Pool.AddResourceServer("orders", "read", "write");
        Reader = Pool.AddAppClient("reader", "orders/read");
        Writer = Pool.AddAppClient("writer", "orders/read", "orders/write");
        Http = new HttpClient(endpoint.CreateHandler()) { BaseAddress = endpoint.BaseAddress };
    }

    public LocalAwsEndpoint Endpoint { get; }

    public FakeTimeProvider Time { get; }

    public LocalUserPool Pool { get; }

    public LocalAppClient Reader { get; }

    public LocalAppClient Writer { get; }

    public HttpClient Http { get; }

    /// <summary>Creates the fixture; its clock starts at <paramref name="start"/> (now by default). Microsoft.IdentityModel
    /// validates lifetimes on the real clock, so tests of expiry start the endpoint's clock in the past.</summary>
    public static async Task<CognitoFixture> CreateAsync(bool inMemory = true, DateTimeOffset? start = null)
    {
        var time = new FakeTimeProvider(start ?? DateTimeOffset.UtcNow);
        var options = new LocalAwsEndpointOptions { TimeProvider = time, Region = "eu-west-1" };
        LocalAwsEndpoint endpoint = inMemory ? LocalAwsEndpoint.CreateInMemory(options) : await LocalAwsEndpoint.StartAsync(options);
        return new CognitoFixture(endpoint, time);
    }

    public async Task<HttpResponseMessage> RequestTokenAsync(string? clientId, string? secret, params (string Name, string Value)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth2/token")
        {
            Content = new FormUrlEncodedContent(form.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))),
        };
        if (clientId is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        }

        return await Http.SendAsync(request);
    }

    public async Task<TokenValidationResult> ValidateAsync(string token)
    {
        string jwks = await Http.GetStringAsync(Pool.JwksUri);
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = Pool.Issuer.AbsoluteUri.TrimEnd('/'),
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
            ValidateAudience = false,
            ValidAlgorithms = ["RS256"],
            ClockSkew = TimeSpan.Zero,
        };
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Endpoint.DisposeAsync();
    }
}
