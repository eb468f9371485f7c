using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens.Adversarial;

/// <summary>STS (the local endpoint, which checks every signature) answering each call after <see cref="Delay"/> on the
/// bed's fake clock, counting the calls and those in flight.</summary>
internal sealed class DelayedSts(TimeSpan delay) : HttpMessageHandler
{
    private HttpMessageInvoker? _inner;
    private int _calls;
    private int _inFlight;

    public TimeProvider? Time { get; set; }

    /// <summary>Puts this handler in front of <paramref name="aws"/> (the bed's STS handler factory).</summary>
    public DelayedSts On(LocalAwsEndpoint aws)
    {
        _inner ??= new HttpMessageInvoker(aws.CreateHandler());
        return this;
    }

    public TimeSpan Delay { get; } = delay;

    public int Calls => Volatile.Read(ref _calls);

    public int InFlight => Volatile.Read(ref _inFlight);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Increment(ref _inFlight);
        try
        {
            await Task.Delay(Delay, Time!, cancellationToken);
            return await _inner!.SendAsync(request, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
