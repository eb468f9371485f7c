using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.Tests.Support;

/// <summary>Service A's container: an HttpClient <c>to-b</c> that sends IAM identity tokens to service B.</summary>
internal sealed class CallerA : IAsyncDisposable
{
    public const string Client = "to-b";
    private readonly ServiceProvider _services;

    public CallerA(TimeProvider time, HttpMessageHandler toB, Action<IamIdentityTokenOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddLogging();
        services.AddHttpClient(Client, c => c.BaseAddress = new Uri("http://localhost/"))
            .AddIamIdentityToken(o =>
            {
                o.StsRegion = "us-east-1";
                configure(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => toB);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public HttpClient HttpClient => _services.GetRequiredService<IHttpClientFactory>().CreateClient(Client);

    public IIamIdentityTokenProvider Tokens => _services.GetRequiredKeyedService<IIamIdentityTokenProvider>(Client);

    public async Task<string> MintAsync() => (await Tokens.GetTokenAsync()).Value;

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
