using System.Net;
using System.Text;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.Tests.IdentityTokens;

public sealed class IamIdentityTokenCallerTests
{
    private static readonly BasicAWSCredentials Key = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly CapturingHandler _callee = new();

    [Fact]
    public async Task Token_HasThePrefixAndTwoUnpaddedBase64UrlParts_UrlIsAPresignedRegionalGetCallerIdentity()
    {
        using ServiceProvider services = Build(o => o.StsRegion = "eu-west-1");

        IamIdentityToken token = await Provider(services).GetTokenAsync();

        token.Value.ShouldStartWith("sa-iam-v1.");
        string[] parts = token.Value["sa-iam-v1.".Length..].Split('.');
        parts.Length.ShouldBe(2);
        parts.ShouldAllBe(p => p.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'));
        Decode(parts[1]).ShouldBe("orders");
        string url = Decode(parts[0]);
        url.ShouldStartWith("https://sts.eu-west-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256");
        url.ShouldContain("&X-Amz-Credential=AKIDEXAMPLE%2F20261201%2Feu-west-1%2Fsts%2Faws4_request");
        url.ShouldContain("&X-Amz-Date=20261201T080000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host%3Bx-serviceauth-audience&X-Amz-Signature=");
        token.ExpiresAt.ShouldBe(_time.GetUtcNow().AddMinutes(15));
        token.ToString().ShouldNotContain(token.Value);
    }

    [Theory]
    [InlineData("cn-north-1", "https://sts.cn-north-1.amazonaws.com.cn/")]
    [InlineData("us-gov-west-1", "https://sts.us-gov-west-1.amazonaws.com/")]
    public async Task Token_OtherPartitions_NameTheirRegionalStsEndpoint(string region, string expected)
    {
        using ServiceProvider services = Build(o => o.StsRegion = region);

        IamIdentityToken token = await Provider(services).GetTokenAsync();

        Decode(token.Value["sa-iam-v1.".Length..].Split('.')[0]).ShouldStartWith(expected + "?");
    }

    [Fact]
    public async Task Token_IsReusedForCacheDuration_ThenMintedAfresh()
    {
        using ServiceProvider services = Build(o => o.CacheDuration = TimeSpan.FromMinutes(1));
        IIamIdentityTokenProvider provider = Provider(services);

        IamIdentityToken first = await provider.GetTokenAsync();
        _time.Advance(TimeSpan.FromSeconds(59));
        IamIdentityToken reused = await provider.GetTokenAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        IamIdentityToken fresh = await provider.GetTokenAsync();

        reused.ShouldBeSameAs(first);
        fresh.Value.ShouldNotBe(first.Value);
        fresh.MintedAt.ShouldBe(first.MintedAt.AddMinutes(1));
    }

    [Fact]
    public async Task Handler_AttachesTheBearerToken()
    {
        using ServiceProvider services = Build(_ => { });

        using HttpResponseMessage response = await Client(services).GetAsync("orders/1");

        string? authorization = _callee.Requests.ShouldHaveSingleItem().Header("Authorization");
        authorization.ShouldBe("Bearer " + (await Provider(services).GetTokenAsync()).Value);
    }

    [Fact]
    public async Task Handler_On401_DropsTheCachedToken()
    {
        using ServiceProvider services = Build(_ => { });
        _callee.Respond = (_, _) => new HttpResponseMessage(HttpStatusCode.Unauthorized);
        IamIdentityToken before = await Provider(services).GetTokenAsync();

        using HttpResponseMessage response = await Client(services).GetAsync("orders/1");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Provider(services).GetTokenAsync()).ShouldNotBeSameAs(before);
    }

    [Fact]
    public async Task Handler_PlainHttpToANonLoopbackHost_IsRefusedBeforeSending()
    {
        using ServiceProvider services = Build(_ => { }, new Uri("http://orders.internal/"));

        ServiceAuthException e = await Should.ThrowAsync<ServiceAuthException>(() => Client(services).GetAsync("orders/1"));

        e.Message.ShouldContain("refusing to send a token over plain http:// to 'orders.internal'");
        _callee.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, "eu-west-1", 1, "Audience '' must be 1 to 128 characters")]
    [InlineData("orders service", "eu-west-1", 1, "Audience 'orders service' must be")]
    [InlineData("orders", "Europe", 1, "StsRegion 'Europe' is not an AWS region name")]
    [InlineData("orders", "eu-west-1", 6, "CacheDuration 00:06:00 must be from 00:00:00 to 00:05:00")]
    public void Options_Invalid_FailValidationNamingTheClientAndValue(string? audience, string region, int cacheMinutes, string expected)
    {
        using ServiceProvider services = Build(o =>
        {
            o.Audience = audience;
            o.StsRegion = region;
            o.CacheDuration = TimeSpan.FromMinutes(cacheMinutes);
        });

        OptionsValidationException e = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<IamIdentityTokenOptions>>().Get("orders"));

        e.Message.ShouldContain("IAM identity token client 'orders'");
        e.Message.ShouldContain(expected);
    }

    private static IIamIdentityTokenProvider Provider(ServiceProvider services) => services.GetRequiredKeyedService<IIamIdentityTokenProvider>("orders");

    private static HttpClient Client(ServiceProvider services) => services.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

    private static string Decode(string part)
    {
        string b64 = part.Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(b64 + new string('=', (4 - (b64.Length % 4)) % 4)));
    }

    private ServiceProvider Build(Action<IamIdentityTokenOptions> configure, Uri? baseAddress = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddHttpClient("orders", c => c.BaseAddress = baseAddress ?? new Uri("https://orders.internal/"))
            .AddIamIdentityToken(o =>
            {
                o.Audience = "orders";
                o.StsRegion = "eu-west-1";
                o.Credentials = Key;
                configure(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => _callee);
        return services.BuildServiceProvider();
    }
}
