using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.DependencyInjection;

public sealed class NoSecretsInLogsTests
{
    [Fact]
    public async Task SignedRequest_LoggedAtTrace_NoSecretSignatureOrCanonicalRequestInAnyLine()
    {
        var logs = new FakeLoggerProvider();
        var wire = new CapturingHandler();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSignedHttpClient("orders", o =>
            {
                o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");
                o.Credentials = TestCredentials.Session();
                o.ApiKey = "usage-plan-api-key-SECRET";
            })
            .ConfigurePrimaryHttpMessageHandler(() => wire);
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders")
            .PostAsync("orders?token=abc", new StringContent("{\"id\":1}"));

        string authorization = wire.Requests.Single().Header("Authorization")!;
        string signature = authorization[(authorization.IndexOf("Signature=", StringComparison.Ordinal) + 10)..];
        string all = string.Join('\n', logs.Collector.Lines());
        logs.Collector.Lines().ShouldNotBeEmpty();
        all.ShouldContain("[100] Signed POST https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders for service execute-api in eu-west-1");
        all.ShouldNotContain(TestCredentials.SecretKey);
        all.ShouldNotContain(TestCredentials.SessionToken[..40]);
        all.ShouldNotContain(signature);
        all.ShouldNotContain("usage-plan-api-key-SECRET");
        all.ShouldNotContain("POST\n/prod/orders");
        all.ShouldNotContain("AWS4-HMAC-SHA256\n");
    }

    [Fact]
    public void OptionsToString_HidesApiKey()
    {
        var options = new SignedHttpClientOptions { ApiKey = "usage-plan-api-key-SECRET", Credentials = TestCredentials.Session() };

        options.ToString().ShouldNotContain("usage-plan-api-key-SECRET");
        options.ToString().ShouldNotContain(TestCredentials.SecretKey);
    }

    [Fact]
    public async Task SigningException_NeverCarriesSecrets()
    {
        using var client = new HttpClient(new SigV4DelegatingHandler(new SignedHttpClientOptions
        {
            Region = "eu-west-1",
            Service = "execute-api",
            Credentials = TestCredentials.Session(),
            MaxBufferedPayloadBytes = 4,
        }) { InnerHandler = new CapturingHandler() });

        SigningException e = await Should.ThrowAsync<SigningException>(() =>
            client.PostAsync("https://api.example.com/", new StreamContent(new NonSeekableStream(new byte[64]))));

        e.ToString().ShouldNotContain(TestCredentials.SecretKey);
        e.ToString().ShouldNotContain(TestCredentials.SessionToken[..40]);
    }
}
