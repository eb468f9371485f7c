using System.Security.Claims;
using System.Security.Cryptography;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ServiceAuth.Client.AspNetCore.Cognito;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.IdentityTokens;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// The receiving side (issue 20): ASP.NET Core pipelines on TestServer answering <c>GET /ok</c>, with the floors as
/// baselines — no authentication, a minimal handler that compares a string (the same token) and returns the same 7
/// claims (same default policy), plain <c>AddJwtBearer</c> with the pool's key fixed, on the very same token as Cognito — against <c>AddCognitoJwtBearer</c> + <c>RequireCognitoScope</c>
/// (keys cached) and <c>AddIamIdentityToken</c>'s cached path (one 1,615-character token, verified once in the setup;
/// no STS call while timing).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ReceivingSideConfig))]
public class ReceivingSideBenchmarks
{
    public const int IdentityTokenLength = 1615;
    private const string Account = "111111111111";
    private ReceivingPipeline _none = null!;
    private ReceivingPipeline _floor = null!;
    private ReceivingPipeline _jwt = null!;
    private ReceivingPipeline _cognito = null!;
    private ReceivingPipeline _iam = null!;
    private LocalAwsEndpoint _aws = null!;
    private LocalUserPool _pool = null!;
    private string _cognitoToken = string.Empty;

    public static string IdentityToken { get; private set; } = string.Empty;

    [GlobalSetup]
    public async Task Setup()
    {
        IdentityToken = await MintAsync(IdentityTokenLength);
        FloorAuthenticationHandler.Expected = "Bearer " + IdentityToken;
        _none = await ReceivingPipeline.StartAsync(null, null, null);
        _floor = await ReceivingPipeline.StartAsync(
            s => s.AddAuthorization().AddAuthentication(FloorAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, FloorAuthenticationHandler>(FloorAuthenticationHandler.SchemeName, _ => { }),
            null,
            FloorAuthenticationHandler.Expected);
        _cognito = await StartCognitoAsync();
        _jwt = await StartJwtBearerAsync();
        _iam = await ReceivingPipeline.StartAsync(
            s =>
            {
                s.AddAuthorization().AddAuthentication(IamIdentityTokenDefaults.AuthenticationScheme).AddIamIdentityToken(o =>
                {
                    o.Audience = "orders";
                    o.AllowedAccounts.Add(Account);
                });
                s.AddHttpClient(IamIdentityTokenDefaults.StsHttpClientName).ConfigurePrimaryHttpMessageHandler(() => new StsAnswer());
            },
            null,
            "Bearer " + IdentityToken);
        foreach (ReceivingPipeline pipeline in new[] { _none, _floor, _jwt, _cognito, _iam })
        {
            int status = await pipeline.GetOkAsync(); // warm: keys fetched, the identity token verified (its one STS call)
            if (status != 200)
            {
                throw new InvalidOperationException($"A pipeline answered {status} in the setup.");
            }
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (ReceivingPipeline pipeline in new[] { _none, _floor, _jwt, _cognito, _iam })
        {
            await pipeline.DisposeAsync();
        }

        await _aws.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "no authentication")]
    public Task<int> NoAuthentication() => _none.GetOkAsync();

    [Benchmark(Description = "floor: minimal handler, 7 claims, default policy")]
    public Task<int> Floor() => _floor.GetOkAsync();

    [Benchmark(Description = "AddJwtBearer (fixed RSA key, same token)")]
    public Task<int> JwtBearer() => _jwt.GetOkAsync();

    [Benchmark(Description = "AddCognitoJwtBearer + RequireCognitoScope (keys cached)")]
    public Task<int> Cognito() => _cognito.GetOkAsync();

    [Benchmark(Description = "AddIamIdentityToken, cached path (1,615-char token)")]
    public Task<int> IamIdentityTokenCached() => _iam.GetOkAsync();

    /// <summary>Mints an identity token of exactly <paramref name="length"/> characters (the session token's length
    /// chosen to fit), as a caller with role-session credentials would send it.</summary>
    public static async Task<string> MintAsync(int length)
    {
        for (int sessionLength = 1; sessionLength < length; sessionLength++)
        {
            var services = new ServiceCollection();
            services.AddHttpClient("orders").AddIamIdentityToken(o =>
            {
                o.Audience = "orders";
                o.StsRegion = "eu-west-1";
                o.Credentials = new SessionAWSCredentials("ASIAEXAMPLEEXAMPLE12", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", new string('T', sessionLength));
            });
            await using ServiceProvider provider = services.BuildServiceProvider();
            string token = (await provider.GetRequiredKeyedService<IIamIdentityTokenProvider>("orders").GetTokenAsync()).Value;
            if (token.Length >= length)
            {
                return token.Length == length ? token : throw new InvalidOperationException($"No session token length gives a {length}-character token.");
            }
        }

        throw new InvalidOperationException("Unreachable.");
    }

    /// <summary>Plain <c>AddJwtBearer</c> given the pool's current public key as a fixed key, validating the very same
    /// access token as the Cognito pipeline (same bytes, same claims): issuer and signature and lifetime, no audience
    /// (Cognito access tokens carry none). What the Cognito scheme adds over this is the JWKS it keeps and its checks.</summary>
    private async Task<ReceivingPipeline> StartJwtBearerAsync()
    {
        using var http = new HttpClient(_aws.CreateHandler());
        var jwks = new JsonWebKeySet(await http.GetStringAsync(_pool.JwksUri));
        JsonWebKey jwk = jwks.Keys.Single(k => k.KeyId == _pool.SigningKeyId);
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(jwk.N), Exponent = Base64UrlEncoder.DecodeBytes(jwk.E) });
        var key = new RsaSecurityKey(rsa) { KeyId = jwk.KeyId };
        return await ReceivingPipeline.StartAsync(
            s => s.AddAuthorization().AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
            {
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = _pool.Issuer.ToString().TrimEnd('/'),
                    ValidateAudience = false,
                    IssuerSigningKey = key,
                };
            }),
            null,
            "Bearer " + _cognitoToken);
    }

    private async Task<ReceivingPipeline> StartCognitoAsync()
    {
        _aws = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { Region = "eu-west-1" });
        LocalUserPool pool = _pool = _aws.AddUserPool();
        pool.AddResourceServer("orders", "read");
        LocalAppClient reader = pool.AddAppClient("reader", "orders/read");
        _cognitoToken = pool.CreateAccessToken(reader, "orders/read");
        return await ReceivingPipeline.StartAsync(
            s =>
            {
                s.AddAuthentication(CognitoDefaults.AuthenticationScheme).AddCognitoJwtBearer(o =>
                {
                    o.Issuer = pool.Issuer;
                    o.RequireHttpsMetadata = false;
                    o.AppClientIds.Add(reader.ClientId);
                });
                s.Configure<JwtBearerOptions>(CognitoDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = _aws.CreateHandler());
                s.AddAuthorization(o => o.AddPolicy("orders-read", p => p.RequireCognitoScope("orders/read")));
            },
            "orders-read",
            "Bearer " + _cognitoToken);
    }
}
