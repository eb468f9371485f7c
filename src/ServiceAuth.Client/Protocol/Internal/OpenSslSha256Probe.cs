using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>Finds OpenSSL's SHA-256 functions for <see cref="OpenSslSha256"/>, once per process, and decides whether they
/// may be used: only on Linux, from <c>libcrypto.so.3</c> or <c>libcrypto.so.1.1</c> (the libraries the runtime itself
/// loads); not when OpenSSL is in FIPS mode (the low-level functions bypass its FIPS provider); not when the
/// <c>ServiceAuth.Client.UsePlatformCryptoOnly</c> <see cref="AppContext"/> switch is on; and only when they hash
/// known inputs exactly as the runtime does.</summary>
internal static unsafe class OpenSslSha256Probe
{
    /// <summary>The <see cref="AppContext"/> switch that keeps every hash on the runtime's API.</summary>
    public const string PlatformCryptoOnlySwitch = "ServiceAuth.Client.UsePlatformCryptoOnly";

    private static readonly string[] Libraries = ["libcrypto.so.3", "libcrypto.so.1.1"];

    public static Functions Load()
    {
        if (!OperatingSystem.IsLinux() ||
            (AppContext.TryGetSwitch(PlatformCryptoOnlySwitch, out bool platformOnly) && platformOnly))
        {
            return default;
        }

        try
        {
            // The runtime's own hash first: it loads and configures OpenSSL (FIPS mode included) before it is asked.
            Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(SelfTestInput, expected);
            foreach (string name in Libraries)
            {
                if (NativeLibrary.TryLoad(name, out nint library))
                {
                    Functions found = Find(library);
                    return found.Init is not null && !InFipsMode(library) && HashesCorrectly(found, expected) ? found : default;
                }
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or CryptographicException)
        {
        }

        return default;
    }

    // 200 bytes: more than three blocks, so the block buffer, the counters and the padding are all exercised.
    private static ReadOnlySpan<byte> SelfTestInput => "The quick brown fox jumps over the lazy dog. 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ !#$%&()*+,-./:;<=>?@[]^_{|}~ The quick brown fox jumps over the lazy dog again, and again."u8;

    private static Functions Find(nint library) =>
        NativeLibrary.TryGetExport(library, "SHA256_Init", out nint init) &&
        NativeLibrary.TryGetExport(library, "SHA256_Update", out nint update) &&
        NativeLibrary.TryGetExport(library, "SHA256_Final", out nint final)
            ? new Functions((delegate* unmanaged<byte*, int>)init, (delegate* unmanaged<byte*, byte*, nuint, int>)update, (delegate* unmanaged<byte*, byte*, int>)final)
            : default;

    private static bool InFipsMode(nint library)
    {
        if (NativeLibrary.TryGetExport(library, "EVP_default_properties_is_fips_enabled", out nint fips3))
        {
            return ((delegate* unmanaged<nint, int>)fips3)(0) != 0;
        }

        return NativeLibrary.TryGetExport(library, "FIPS_mode", out nint fips11) && ((delegate* unmanaged<int>)fips11)() != 0;
    }

    private static bool HashesCorrectly(Functions functions, ReadOnlySpan<byte> expected)
    {
        byte* context = stackalloc byte[OpenSslSha256.ContextSize];
        byte* digest = stackalloc byte[SHA256.HashSizeInBytes];
        fixed (byte* input = SelfTestInput)
        {
            if (functions.Init(context) != 1 ||
                functions.Update(context, input, 100) != 1 ||
                functions.Update(context, input + 100, (nuint)(SelfTestInput.Length - 100)) != 1 ||
                functions.Final(digest, context) != 1)
            {
                return false;
            }
        }

        return expected.SequenceEqual(new ReadOnlySpan<byte>(digest, SHA256.HashSizeInBytes));
    }

    /// <summary>The three functions, or none (<see cref="Init"/> is null).</summary>
    internal readonly struct Functions(delegate* unmanaged<byte*, int> init, delegate* unmanaged<byte*, byte*, nuint, int> update, delegate* unmanaged<byte*, byte*, int> final)
    {
        public delegate* unmanaged<byte*, int> Init { get; } = init;

        public bool IsFound => Init is not null;

        public delegate* unmanaged<byte*, byte*, nuint, int> Update { get; } = update;

        public delegate* unmanaged<byte*, byte*, int> Final { get; } = final;
    }
}
