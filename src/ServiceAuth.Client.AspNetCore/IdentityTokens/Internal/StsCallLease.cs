namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>A taken STS call slot; disposing gives it back (once).</summary>
internal sealed class StsCallLease(Action release) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            release();
        }
    }
}
