using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Credentials;

/// <summary>Issue 9 item 3: a caller's cancellation ends its wait for credentials without cancelling the shared refresh.</summary>
public sealed class CredentialWaitCancellationTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task SendAsync_StsHung_CallerCancellationEndsTheWait_AndTheSharedRefreshServesTheOthers()
    {
        var time = new FakeTimeProvider();
        var sts = new FakeSts(time);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sts.Behavior = async _ =>
        {
            await gate.Task;
            return sts.Success();
        };
        var primary = new CapturingHandler();
        using ServiceProvider provider = Build(time, sts, primary);
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        using var cts = new CancellationTokenSource();

        Task<HttpResponseMessage> cancelled = client.GetAsync("orders/1", cts.Token);
        Task<HttpResponseMessage> patient = client.GetAsync("orders/2");
        await Eventually.UntilAsync(() => sts.Calls == 1, "the first request reaches STS");
        cts.Cancel();

        (await Record.ExceptionAsync(() => cancelled.WaitAsync(Guard))).ShouldBeAssignableTo<OperationCanceledException>();
        patient.IsCompleted.ShouldBeFalse();
        gate.SetResult();
        (await patient.WaitAsync(Guard)).IsSuccessStatusCode.ShouldBeTrue();
        sts.Calls.ShouldBe(1);
        primary.Requests.ShouldHaveSingleItem().AccessKeyId.ShouldBe("ASIA0000000000000001");
    }

    [Fact]
    public async Task Send_Synchronous_StsHung_CallerCancellationEndsTheWait()
    {
        var time = new FakeTimeProvider();
        var sts = new FakeSts(time) { Behavior = FakeSts.Hang };
        using ServiceProvider provider = Build(time, sts, new CapturingHandler());
        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders");
        using var cts = new CancellationTokenSource();

        Task<HttpResponseMessage> sending = Task.Factory.StartNew(
            () => client.Send(new HttpRequestMessage(HttpMethod.Get, "orders/1"), cts.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Eventually.UntilAsync(() => sts.Calls == 1, "the request reaches STS");
        cts.Cancel();

        (await Record.ExceptionAsync(() => sending.WaitAsync(Guard))).ShouldBeAssignableTo<OperationCanceledException>();
    }

    private static ServiceProvider Build(FakeTimeProvider time, FakeSts sts, CapturingHandler primary)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IStsClientFactory>(sts);
        services.AddSignedHttpClient("orders", o =>
        {
            o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");
            o.Credentials = CacheFixture.Source;
            o.AssumeRole = new AssumeRoleOptions { RoleArn = CacheFixture.RoleArn, RoleSessionName = "orders-api" };
        }).ConfigurePrimaryHttpMessageHandler(() => primary);
        return services.BuildServiceProvider();
    }
}
