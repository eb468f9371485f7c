using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.DependencyInjection;

public sealed class AddSignedHttpClientTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturingHandler _wire = new();

    [Fact]
    public async Task AddSignedHttpClient_HandlerAddedAfter_SitsOutsideSignerAndEveryAttemptIsSigned()
    {
        var outer = new ResendingHandler(() => _time.Advance(TimeSpan.FromSeconds(3)));
        using ServiceProvider provider = Build(services => services
            .AddSignedHttpClient("orders", Configure)
            .AddHttpMessageHandler(() => outer)
            .ConfigurePrimaryHttpMessageHandler(() => _wire));

        await provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders").GetAsync("items");

        outer.SawAuthorization.ShouldBe([false]);
        _wire.Requests.Select(r => r.Header("X-Amz-Date")).ShouldBe(["20261122T090000Z", "20261122T090003Z"]);
        _wire.Requests.ShouldAllBe(r => r.Header("Authorization")!.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/eu-west-1/execute-api/aws4_request"));
    }

    [Fact]
    public async Task AddSignedHttpClient_BaseAddress_AppliedAndRegionServiceInferred()
    {
        using ServiceProvider provider = Build(services => services
            .AddSignedHttpClient("orders", o =>
            {
                o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");
                o.Credentials = TestCredentials.Session();
            })
            .ConfigurePrimaryHttpMessageHandler(() => _wire));

        await provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders").GetAsync("items?id=7");

        CapturedRequest sent = _wire.Requests.Single();
        sent.Uri.ShouldBe(new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items?id=7"));
        sent.Header("Authorization")!.ShouldContain("/eu-west-1/execute-api/aws4_request");
    }

    [Theory]
    [InlineData(typeof(SocketsHttpHandler))]
    [InlineData(typeof(HttpClientHandler))]
    public void AddSignedHttpClient_PrimaryHandler_AutoRedirectTurnedOff(Type primaryType)
    {
        var primary = (HttpMessageHandler)Activator.CreateInstance(primaryType)!;
        using ServiceProvider provider = Build(services => services
            .AddSignedHttpClient("orders", Configure)
            .ConfigurePrimaryHttpMessageHandler(() => primary));

        provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");

        (primary is SocketsHttpHandler s ? s.AllowAutoRedirect : ((HttpClientHandler)primary).AllowAutoRedirect).ShouldBeFalse();
    }

    [Fact]
    public async Task AddSignedHttpClient_TimeProviderInContainer_IsTheSigningClock()
    {
        using ServiceProvider provider = Build(services => services
            .AddSignedHttpClient("orders", Configure)
            .ConfigurePrimaryHttpMessageHandler(() => _wire));
        _time.Advance(TimeSpan.FromHours(5));

        await provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders").GetAsync("x");

        _wire.Requests.Single().Header("X-Amz-Date").ShouldBe("20261122T140000Z");
    }

    [Fact]
    public async Task AddSignedHttpClient_TypedClient_IsSigned()
    {
        using ServiceProvider provider = Build(services => services
            .AddSignedHttpClient<OrdersClient>(Configure)
            .ConfigurePrimaryHttpMessageHandler(() => _wire));

        await provider.GetRequiredService<OrdersClient>().Http.GetAsync("orders/1");

        _wire.Requests.Single().Header("Authorization").ShouldNotBeNull();
    }

    [Fact]
    public async Task AddSigV4Signing_ExistingClient_IsSigned()
    {
        using ServiceProvider provider = Build(services => services
            .AddHttpClient("legacy")
            .ConfigurePrimaryHttpMessageHandler(() => _wire)
            .AddSigV4Signing(Configure));

        await provider.GetRequiredService<IHttpClientFactory>().CreateClient("legacy").GetAsync("a");

        _wire.Requests.Single().Header("Authorization").ShouldNotBeNull();
    }

    [Fact]
    public async Task AddSignedHttpClient_OtherClients_AreNotSigned()
    {
        using ServiceProvider provider = Build(services =>
        {
            services.AddSignedHttpClient("orders", Configure);
            services.AddHttpClient("plain").ConfigurePrimaryHttpMessageHandler(() => _wire);
        });

        await provider.GetRequiredService<IHttpClientFactory>().CreateClient("plain").GetAsync("https://example.com/");

        _wire.Requests.Single().Header("Authorization").ShouldBeNull();
    }

    [Fact]
    public async Task AddSignedHttpClient_FromConfiguration_BindsOptions()
    {
        IConfigurationSection section = Config(new()
        {
            ["Orders:BaseAddress"] = "https://orders.internal.example.com/",
            ["Orders:Region"] = "ap-south-1",
            ["Orders:Service"] = "execute-api",
            ["Orders:PayloadSigning"] = "UnsignedPayload",
        }).GetSection("Orders");
        using ServiceProvider provider = Build(services => services
            .AddSignedHttpClient("orders", section, o => o.Credentials = TestCredentials.Session())
            .ConfigurePrimaryHttpMessageHandler(() => _wire));

        await provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders").PostAsync("o", new StringContent("x"));

        CapturedRequest sent = _wire.Requests.Single();
        sent.Header("Authorization")!.ShouldContain("/ap-south-1/execute-api/");
        sent.Header("x-amz-content-sha256").ShouldBe("UNSIGNED-PAYLOAD");
    }

    [Fact]
    public void AddSignedHttpClient_FromConfiguration_BindsAssumeRoleAsDocumented()
    {
        IConfigurationSection section = Config(new()
        {
            ["Orders:BaseAddress"] = "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/",
            ["Orders:AssumeRole:RoleArn"] = "arn:aws:iam::222233334444:role/orders-caller",
            ["Orders:AssumeRole:ExternalId"] = "contoso-orders",
            ["Orders:AssumeRole:DurationSeconds"] = "1800",
            ["Orders:AssumeRole:PolicyArns:0"] = "arn:aws:iam::aws:policy/ReadOnlyAccess",
            ["Orders:AssumeRole:Tags:team"] = "checkout",
            ["Orders:AssumeRole:TransitiveTagKeys:0"] = "team",
        }).GetSection("Orders");
        using ServiceProvider provider = Build(services => services.AddSignedHttpClient("orders", section));

        SignedHttpClientOptions options = provider.GetRequiredService<IOptionsMonitor<SignedHttpClientOptions>>().Get("orders");

        options.AssumeRole.ShouldNotBeNull();
        options.AssumeRole.RoleArn.ShouldBe("arn:aws:iam::222233334444:role/orders-caller");
        options.AssumeRole.ExternalId.ShouldBe("contoso-orders");
        options.AssumeRole.DurationSeconds.ShouldBe(1800);
        options.AssumeRole.PolicyArns.ShouldBe(["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
        options.AssumeRole.Tags["team"].ShouldBe("checkout");
        options.AssumeRole.TransitiveTagKeys.ShouldBe(["team"]);
    }

    [Fact]
    public void AddSignedHttpClient_FromMissingSection_Throws()
    {
        var services = new ServiceCollection();

        ServiceAuthException e = Should.Throw<ServiceAuthException>(() => services.AddSignedHttpClient("orders", Config([]).GetSection("Orders")));

        e.Message.ShouldContain("'Orders' is missing or empty");
    }

    [Fact]
    public void AddSignedHttpClient_UnknownConfigurationKey_FailsWhenOptionsAreRead()
    {
        IConfigurationSection section = Config(new() { ["Orders:Regoin"] = "eu-west-1", ["Orders:Service"] = "execute-api" }).GetSection("Orders");
        using ServiceProvider provider = Build(services => services.AddSignedHttpClient("orders", section));

        InvalidOperationException e = Should.Throw<InvalidOperationException>(() =>
            provider.GetRequiredService<IOptionsMonitor<SignedHttpClientOptions>>().Get("orders"));

        e.Message.ShouldContain("Regoin");
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static void Configure(SignedHttpClientOptions o)
    {
        o.BaseAddress = new Uri("https://api.example.com/");
        o.Region = "eu-west-1";
        o.Service = "execute-api";
        o.Credentials = new Amazon.Runtime.BasicAWSCredentials(TestCredentials.AccessKey, TestCredentials.SecretKey);
    }

    private ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        configure(services);
        return services.BuildServiceProvider();
    }

    public sealed class OrdersClient(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }
}
