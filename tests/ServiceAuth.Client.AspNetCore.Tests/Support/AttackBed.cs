using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.AspNetCore.Tests.Support;

/// <summary>
/// Everything in memory on one fake clock: a local AWS endpoint (STS), service B verifying tokens through it, and
/// service A (an IAM user of account A) minting tokens for B.
/// </summary>
internal sealed class AttackBed : IAsyncDisposable
{
    private AttackBed(FakeTimeProvider time, LocalAwsEndpoint aws, ServiceB b, CallerA a)
    {
        Time = time;
        Aws = aws;
        B = b;
        A = a;
    }

    public FakeTimeProvider Time { get; }

    public LocalAwsEndpoint Aws { get; }

    public ServiceB B { get; }

    public CallerA A { get; }

    public int StsCalls => Aws.Requests.Count(r => r.Action == "GetCallerIdentity");

    public static async Task<AttackBed> StartAsync(
        Action<IamIdentityTokenAuthenticationOptions>? verifier = null,
        Func<LocalAwsEndpoint, HttpMessageHandler>? stsHandler = null,
        Action<IServiceCollection>? services = null)
    {
        var time = new FakeTimeProvider(Principals.Start);
        LocalAwsEndpoint aws = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = time });
        LocalUser user = aws.AddUser("service-a", Principals.AccountA);
        ServiceB b = await ServiceB.StartAsync(time, s =>
        {
            IHttpClientBuilder sts = s.AddHttpClient(IamIdentityTokenDefaults.StsHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => stsHandler?.Invoke(aws) ?? aws.CreateHandler());
            services?.Invoke(s);
        }, verifier);
        var a = new CallerA(time, b.CreateHandler(), o =>
        {
            o.Audience = ServiceB.Audience;
            o.Credentials = user.ToAwsCredentials();
        });
        return new AttackBed(time, aws, b, a);
    }

    /// <summary>Sends <paramref name="token"/> to B's <c>/whoami</c> and returns the status and the logged refusal.</summary>
    public async Task<(int Status, IamIdentityTokenFailureReason Reason, string Detail)> RefuseAsync(string token)
    {
        using HttpResponseMessage response = await B.GetAsync("whoami", token);
        ((int)response.StatusCode).ShouldBe(401);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty("a refusal is a plain 401");
        (IamIdentityTokenFailureReason reason, string detail) = B.LastRefusal();
        return ((int)response.StatusCode, reason, detail);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Aws.DisposeAsync();
    }
}
