using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>
/// SHA-256 straight from the OpenSSL the runtime already uses on Linux (<c>SHA256_Init</c>, <c>_Update</c>,
/// <c>_Final</c> on a context on the caller's stack), for the signer's hot path: the runtime's hash API costs about
/// 320 ns more per call than the hash itself (error-queue clearing, context reset and its allocations around each of
/// its three native calls), which is a quarter of a signature. Used only when <see cref="OpenSslSha256Probe"/> finds it
/// loadable, correct and allowed (not in FIPS mode, not switched off); everything else uses the runtime's API.
/// </summary>
internal static unsafe class OpenSslSha256
{
    /// <summary>Room for OpenSSL's <c>SHA256_CTX</c> (112 bytes: eight state words, the bit count, a 64-byte block
    /// buffer and two counters; the same in OpenSSL 1.1 and 3).</summary>
    public const int ContextSize = 128;

    private static readonly OpenSslSha256Probe.Functions Native = OpenSslSha256Probe.Load();

    /// <summary>Gets a value indicating whether the hash and HMAC here may be used.</summary>
    public static bool IsAvailable => Native.IsFound;

    /// <summary>Writes SHA-256(<paramref name="data"/>) to <paramref name="digest"/> (32 bytes).</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        byte* context = stackalloc byte[ContextSize];
        Native.Init(context);
        Update(context, data);
        Final(context, digest);
    }

    /// <summary>Starts a context (<see cref="ContextSize"/> bytes) and hashes <paramref name="block"/> into it: an HMAC
    /// pad, kept as the state to resume from.</summary>
    public static void Start(Span<byte> context, ReadOnlySpan<byte> block)
    {
        fixed (byte* c = context)
        {
            Native.Init(c);
            Update(c, block);
        }
    }

    /// <summary>Hashes <paramref name="data"/> into <paramref name="context"/> (made by <see cref="Start"/>).</summary>
    public static void Append(Span<byte> context, ReadOnlySpan<byte> data)
    {
        fixed (byte* c = context)
        {
            Update(c, data);
        }
    }

    /// <summary>Writes the digest of what <paramref name="context"/> holds and starts it again, empty.</summary>
    public static void FinishAndRestart(Span<byte> context, Span<byte> digest)
    {
        fixed (byte* c = context)
        {
            Final(c, digest);
            Native.Init(c);
        }
    }

    /// <summary>Resumes a copy of <paramref name="state"/> (made by <see cref="Start"/>), hashes <paramref name="data"/>
    /// and writes the digest; <paramref name="state"/> itself is not changed.</summary>
    public static void Resume(ReadOnlySpan<byte> state, ReadOnlySpan<byte> data, Span<byte> digest)
    {
        byte* context = stackalloc byte[ContextSize];
        state[..ContextSize].CopyTo(new Span<byte>(context, ContextSize));
        Update(context, data);
        Final(context, digest);
    }

    private static void Update(byte* context, ReadOnlySpan<byte> data)
    {
        fixed (byte* d = data)
        {
            Native.Update(context, d, (nuint)data.Length);
        }
    }

    private static void Final(byte* context, Span<byte> digest)
    {
        fixed (byte* d = digest[..SHA256.HashSizeInBytes])
        {
            Native.Final(d, context);
        }

        // The context held the last block of the message (for an HMAC, of the string to sign): not left on the stack.
        new Span<byte>(context, ContextSize).Clear();
    }
}
