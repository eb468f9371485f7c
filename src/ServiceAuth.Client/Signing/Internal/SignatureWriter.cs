using System.Text;
using Amazon.Runtime;

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

    /// <summary>Writes the lowercase hex signature of <paramref name="canonicalRequest"/> and returns its length.</summary>
    public static int Sign(ReadOnlySpan<byte> canonicalRequest, ReadOnlySpan<char> amzDate, SigV4SigningParameters parameters, ImmutableCredentials credentials, SigningKeys keys, Span<byte> signatureHex, SigningTrace? trace)
    {
        Span<byte> digest = stackalloc byte[32];

        // A pooled incremental hash: the one-shot SHA256.HashData sets up and tears down a native context per call.
        HashingStream sha256 = HashingStream.Rent();
        sha256.Write(canonicalRequest);
        sha256.GetHashAndReset(digest);
        HashingStream.Return(sha256);

        var stringToSign = new ByteBuilder(256);
        try
        {
            stringToSign.Append(Algorithm(parameters));
            stringToSign.Append((byte)'\n');
            stringToSign.Append(amzDate);
            stringToSign.Append((byte)'\n');
            AppendScope(ref stringToSign, amzDate[..8], parameters);
            stringToSign.Append((byte)'\n');
            Hex.EncodeLower(digest, stringToSign.AppendSpan(64));

            int length;
            if (parameters.IsSigV4a)
            {
                Span<byte> der = stackalloc byte[SigV4aKey.MaxSignatureLength];
                sha256 = HashingStream.Rent();
                sha256.Write(stringToSign.Written);
                sha256.GetHashAndReset(digest);
                HashingStream.Return(sha256);
                int written = keys.SigV4a.SignHash(credentials.AccessKey, credentials.SecretKey, digest, der);
                Hex.EncodeLower(der[..written], signatureHex);
                length = 2 * written;
            }
            else
            {
                keys.SigV4.GetSigningKey(credentials.SecretKey, amzDate[..8], parameters.Region, parameters.Service).ComputeHmac(stringToSign.Written, digest);
                Hex.EncodeLower(digest, signatureHex);
                length = 64;
            }

            if (trace is not null)
            {
                trace.CanonicalRequest = Encoding.UTF8.GetString(canonicalRequest);
                trace.StringToSign = Encoding.UTF8.GetString(stringToSign.Written);
                trace.Signature = Encoding.ASCII.GetString(signatureHex[..length]);
            }

            return length;
        }
        finally
        {
            stringToSign.Dispose();
        }
    }

    public static string Authorization(string accessKey, ReadOnlySpan<char> date, SigV4SigningParameters parameters, ReadOnlySpan<byte> signedHeaders, ReadOnlySpan<byte> signature)
    {
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
            n += Encoding.ASCII.GetChars(signedHeaders, buffer[n..]);
            Write(buffer, ref n, ", Signature=");
            n += Encoding.ASCII.GetChars(signature, buffer[n..]);
            return new string(buffer[..n]);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static void Write(Span<char> buffer, ref int position, ReadOnlySpan<char> value)
    {
        value.CopyTo(buffer[position..]);
        position += value.Length;
    }
}
