using System.Security.Cryptography;

namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>SHA-256 for the hot paths: the signer (canonical request, SigV4a string to sign) and the IAM identity-token
/// verifier's cache key. OpenSSL's own functions on a stack context where <see cref="OpenSslSha256"/> is available (Linux,
/// not in FIPS mode); elsewhere the runtime's API on this thread's own incremental context, so that no native context is
/// made and freed per call (the one-shot API's cost). Nothing is shared between threads, and no secret is kept.</summary>
internal static class FastSha256
{
    [ThreadStatic]
    private static IncrementalHash? t_sha256;

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        if (OpenSslSha256.IsAvailable)
        {
            OpenSslSha256.Hash(data, digest);
            return;
        }

        IncrementalHash sha256 = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha256.AppendData(data);
        sha256.GetHashAndReset(digest);
    }
}
