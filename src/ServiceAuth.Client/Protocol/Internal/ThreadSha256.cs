using System.Security.Cryptography;

namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>SHA-256 on this thread's own incremental context: no native context made and freed per call (the one-shot
/// API's cost), nothing shared between threads, and no secret in it. Used by the signer (canonical request, SigV4a
/// string to sign) and by the IAM identity-token verifier's cache key.</summary>
internal static class ThreadSha256
{
    [ThreadStatic]
    private static IncrementalHash? t_sha256;

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        IncrementalHash sha256 = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha256.AppendData(data);
        sha256.GetHashAndReset(digest);
    }
}
