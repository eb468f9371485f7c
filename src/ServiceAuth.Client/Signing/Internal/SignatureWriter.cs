using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>The string to sign, the signature (HMAC-SHA256 for SigV4, ECDSA P-256 for SigV4a) and the
/// <c>Authorization</c> value, once the canonical request is built.</summary>
internal static class SignatureWriter
{
    /// <summary>The longest hex signature: a 72-byte DER ECDSA signature.</summary>
    public const int MaxHexLength = 2 * SigV4aKey.MaxSignatureLength;

    public static string Algorithm(SigV4SigningParameters parameters) =>
        parameters.IsSigV4a ? SigV4Constants.AlgorithmV4a : SigV4Constants.Algorithm;

    /// <summary>Appends <c>date/region/service/aws4_request</c>, or <c>date/service/aws4_request</c> for SigV4a.</summary>
    public static void AppendScope(ref ByteBuilder builder, ReadOnlySpan<char> date, SigV4SigningParameters parameters)
    {
        builder.Append(date);
        builder.Append((byte)'/');
        if (!parameters.IsSigV4a)
        {
            builder.Append(parameters.Region);
            builder.Append((byte)'/');
        }

        builder.Append(parameters.Service);
        builder.Append((byte)'/');
        builder.Append(SigV4Constants.TerminatorUtf8);
    }

    /// <summary>The SigV4 signing key for <paramref name="credentials"/> at <paramref name="amzDate"/>, or
    /// <see langword="null"/> for SigV4a.</summary>
    public static SigningKey? Key(ReadOnlySpan<char> amzDate, SigV4SigningParameters parameters, ImmutableCredentials credentials, SigningKeys keys) =>
        parameters.IsSigV4a ? null : keys.SigV4.GetSigningKey(credentials.SecretKey, amzDate[..8], parameters.Region, parameters.Service);

    /// <summary>Writes the lowercase hex signature of <paramref name="canonicalRequest"/> and returns its length.</summary>
    /// <remarks><paramref name="key"/> is the SigV4 signing key (<see cref="Key"/>; <see langword="null"/> for SigV4a).</remarks>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static int Sign(ReadOnlySpan<byte> canonicalRequest, ReadOnlySpan<char> amzDate, SigV4SigningParameters parameters, ImmutableCredentials credentials, SigningKeys keys, Span<byte> signatureHex, SigningTrace? trace, SigningKey? key)
    {
        Span<byte> digest = stackalloc byte[32];
        Sha256(canonicalRequest, digest);

        // algorithm \n date \n scope \n hex(hash): 23 + 17 + (8 + region + service + 16) + 64 bytes; UTF-8 at worst triples
        // a character.
        int length = 128 + (3 * (parameters.Region.Length + parameters.Service.Length));
        byte[]? rented = null;
        Span<byte> stringToSign = length <= 512 ? stackalloc byte[512] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(length));
        try
        {
            ReadOnlySpan<byte> algorithm = key is null ? "AWS4-ECDSA-P256-SHA256\n"u8 : "AWS4-HMAC-SHA256\n"u8;
            algorithm.CopyTo(stringToSign);
            int n = algorithm.Length;
            n = Write(stringToSign, n, amzDate);
            stringToSign[n++] = (byte)'\n';
            if (key is not null)
            {
                key.Scope.CopyTo(stringToSign[n..]);
                n += key.Scope.Length;
            }
            else
            {
                n = Write(stringToSign, n, amzDate[..8]);
                stringToSign[n++] = (byte)'/';
                n = Write(stringToSign, n, parameters.Service);
                stringToSign[n++] = (byte)'/';
                SigV4Constants.TerminatorUtf8.CopyTo(stringToSign[n..]);
                n += SigV4Constants.TerminatorUtf8.Length;
            }

            stringToSign[n++] = (byte)'\n';
            Hex.EncodeLower(digest, stringToSign.Slice(n, 64));
            n += 64;

            int signatureLength;
            if (key is not null)
            {
                key.ComputeHmac(stringToSign[..n], digest);
                Hex.EncodeLower(digest, signatureHex);
                signatureLength = 64;
            }
            else
            {
                signatureLength = SignEcdsa(stringToSign[..n], credentials, keys, digest, signatureHex);
            }

            if (trace is not null)
            {
                trace.CanonicalRequest = Encoding.UTF8.GetString(canonicalRequest);
                trace.StringToSign = Encoding.UTF8.GetString(stringToSign[..n]);
                trace.Signature = Encoding.ASCII.GetString(signatureHex[..signatureLength]);
            }

            return signatureLength;
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static string Authorization(string accessKey, ReadOnlySpan<char> date, SigV4SigningParameters parameters, SigningKey? key, ReadOnlySpan<byte> signedHeaders, ReadOnlySpan<byte> signature)
    {
        if (key is not null)
        {
            // The fixed part is kept on the key: one string made of it and the signature.
            Span<char> hex = stackalloc char[64];
            return string.Concat(key.AuthorizationHead(accessKey, signedHeaders), hex[..Widen(signature, hex)]);
        }

        // "AWS4-ECDSA-P256-SHA256 Credential=" + "/yyyyMMdd/" + "/" + "/aws4_request" + ", SignedHeaders=" + ", Signature="
        // come to 86 characters besides the variable parts; 96 leaves room.
        int length = 96 + accessKey.Length + parameters.Region.Length + parameters.Service.Length + signedHeaders.Length + signature.Length;
        char[]? rented = null;
        Span<char> buffer = length <= 1024 ? stackalloc char[length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length));
        try
        {
            int n = 0;
            Write(buffer, ref n, Algorithm(parameters));
            Write(buffer, ref n, " Credential=");
            Write(buffer, ref n, accessKey);
            buffer[n++] = '/';
            Write(buffer, ref n, date);
            buffer[n++] = '/';
            if (!parameters.IsSigV4a)
            {
                Write(buffer, ref n, parameters.Region);
                buffer[n++] = '/';
            }

            Write(buffer, ref n, parameters.Service);
            buffer[n++] = '/';
            Write(buffer, ref n, SigV4Constants.Terminator);
            Write(buffer, ref n, ", SignedHeaders=");
            n += Widen(signedHeaders, buffer[n..]);
            Write(buffer, ref n, ", Signature=");
            n += Widen(signature, buffer[n..]);
            return new string(buffer[..n]);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    [System.Runtime.CompilerServices.SkipLocalsInit]
    private static int SignEcdsa(ReadOnlySpan<byte> stringToSign, ImmutableCredentials credentials, SigningKeys keys, Span<byte> digest, Span<byte> signatureHex)
    {
        Span<byte> der = stackalloc byte[SigV4aKey.MaxSignatureLength];
        Sha256(stringToSign, digest);
        int written = keys.SigV4a.SignHash(credentials.AccessKey, credentials.SecretKey, digest, der);
        Hex.EncodeLower(der[..written], signatureHex);
        return 2 * written;
    }

    private static void Sha256(ReadOnlySpan<byte> data, Span<byte> digest) => FastSha256.Hash(data, digest);

    /// <summary>Writes ASCII text (names, dates, regions, services) as bytes; returns the new position.</summary>
    private static int Write(Span<byte> buffer, int position, ReadOnlySpan<char> value)
    {
        position += Ascii.FromUtf16(value, buffer[position..], out int written) == System.Buffers.OperationStatus.Done
            ? written
            : Encoding.UTF8.GetBytes(value, buffer[position..]);
        return position;
    }

    /// <summary>Copies ASCII bytes (header names, hex) as characters; anything else is decoded as UTF-8.</summary>
    private static int Widen(ReadOnlySpan<byte> ascii, Span<char> destination) =>
        Ascii.ToUtf16(ascii, destination, out int written) == System.Buffers.OperationStatus.Done ? written : Encoding.UTF8.GetChars(ascii, destination);

    private static void Write(Span<char> buffer, ref int position, ReadOnlySpan<char> value)
    {
        value.CopyTo(buffer[position..]);
        position += value.Length;
    }
}
