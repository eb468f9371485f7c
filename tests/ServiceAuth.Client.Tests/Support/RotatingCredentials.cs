using Amazon.Runtime;

namespace ServiceAuth.Client.Tests.Support;

/// <summary>Credentials that hand out a new access key on every resolution, to show when they are resolved.</summary>
public sealed class RotatingCredentials : AWSCredentials
{
    private int _resolutions;

    public int Resolutions => Volatile.Read(ref _resolutions);

    public override ImmutableCredentials GetCredentials() =>
        new($"AKIAROTATING{Interlocked.Increment(ref _resolutions):D8}", "secret", null);
}
