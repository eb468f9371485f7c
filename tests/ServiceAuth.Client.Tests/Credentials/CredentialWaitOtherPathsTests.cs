using System.Net.WebSockets;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.IdentityTokens;
using ServiceAuth.Client.AppSync;
using ServiceAuth.Client.Tests.Support;
using ServiceAuth.Client.WebSockets;

namespace ServiceAuth.Client.Tests.Credentials;

/// <summary>Issue 9 item 3 on the paths merged after the fix: identity tokens (async and sync), the API Gateway WebSocket
/// and AppSync real-time handshakes end their wait for credentials with the caller's cancellation.</summary>
public sealed class CredentialWaitOtherPathsTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task IdentityToken_CredentialsHung_CallerCancellationEndsTheWait()
    {
        var credentials = new HungCredentials();
        using ServiceProvider services = BuildIdentityTokenClient(o => o.Credentials = credentials);
        using var cts = new CancellationTokenSource();

        Task<IamIdentityToken> minting = services.GetRequiredKeyedService<IIamIdentityTokenProvider>("orders").GetTokenAsync(cts.Token).AsTask();
        await Eventually.UntilAsync(() => credentials.Asked, "the provider asks for credentials");
        cts.Cancel();

        (await Record.ExceptionAsync(() => minting.WaitAsync(Guard))).ShouldBeAssignableTo<OperationCanceledException>();
    }

    [Fact]
    public async Task IdentityToken_SynchronousSend_StsHung_CallerCancellationEndsTheWait()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var sts = new FakeSts(time) { Behavior = FakeSts.Hang };
        using ServiceProvider services = BuildIdentityTokenClient(
            o => (o.Credentials, o.AssumeRole) = (CacheFixture.Source, new AssumeRoleOptions { RoleArn = CacheFixture.RoleArn }),
            s => s.AddSingleton<TimeProvider>(time).AddSingleton<IStsClientFactory>(sts));
        HttpClient client = services.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        using var cts = new CancellationTokenSource();

        Task<HttpResponseMessage> sending = Task.Factory.StartNew(
            () => client.Send(new HttpRequestMessage(HttpMethod.Get, "orders/1"), cts.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Eventually.UntilAsync(() => sts.Calls == 1, "the token mint reaches STS");
        cts.Cancel();

        (await Record.ExceptionAsync(() => sending.WaitAsync(Guard))).ShouldBeAssignableTo<OperationCanceledException>();
    }

    [Fact]
    public async Task ApiGatewayWebSocket_CredentialsHung_CallerCancellationEndsTheWait()
    {
        var credentials = new HungCredentials();
        using var socket = new ClientWebSocket();
        using var cts = new CancellationTokenSource();

        Task connecting = ApiGatewayWebSocket.ConnectAsync(socket, new Uri("wss://abc123.execute-api.eu-west-1.amazonaws.com/prod"), credentials, cancellationToken: cts.Token);
        await Eventually.UntilAsync(() => credentials.Asked, "the handshake asks for credentials");
        cts.Cancel();

        (await Record.ExceptionAsync(() => connecting.WaitAsync(Guard))).ShouldBeAssignableTo<OperationCanceledException>();
    }

    [Fact]
    public async Task AppSyncRealtime_CredentialsHung_CallerCancellationEndsTheWait()
    {
        var credentials = new HungCredentials();
        using var socket = new ClientWebSocket();
        using var cts = new CancellationTokenSource();

        Task connecting = AppSyncRealtime.ConnectAsync(socket, new Uri("https://abc123.appsync-api.eu-west-1.amazonaws.com/graphql"), credentials, cancellationToken: cts.Token);
        await Eventually.UntilAsync(() => credentials.Asked, "the handshake asks for credentials");
        cts.Cancel();

        (await Record.ExceptionAsync(() => connecting.WaitAsync(Guard))).ShouldBeAssignableTo<OperationCanceledException>();
    }

    private static ServiceProvider BuildIdentityTokenClient(Action<IamIdentityTokenOptions> configure, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        collection.AddHttpClient("orders", c => c.BaseAddress = new Uri("https://orders.internal/"))
            .AddIamIdentityToken(o =>
            {
                o.Audience = "orders";
                o.StsRegion = "eu-west-1";
                configure(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new CapturingHandler());
        return collection.BuildServiceProvider();
    }

    /// <summary>Credentials whose lookup never completes (a credential process or sidecar that hangs).</summary>
    private sealed class HungCredentials : AWSCredentials
    {
        private readonly TaskCompletionSource<ImmutableCredentials> _never = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _asked;

        public bool Asked => _asked;

        public override ImmutableCredentials GetCredentials() => GetCredentialsAsync().GetAwaiter().GetResult();

        public override Task<ImmutableCredentials> GetCredentialsAsync()
        {
            _asked = true;
            return _never.Task;
        }
    }
}
