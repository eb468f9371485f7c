using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

internal static class SigV4Defaults
{
    public const long MaxBufferedPayloadBytes = 10 * 1024 * 1024;

    public const int SigningKeyCacheSize = 64;

    public const int SigV4aKeyCacheSize = 8;

    public static readonly TimeSpan MaxPresignExpiry = TimeSpan.FromDays(7);
}
