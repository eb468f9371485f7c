using System.Net.Http.Headers;
using System.Security.Cryptography;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// The payload hash to sign: a caller's precomputed <c>x-amz-content-sha256</c>, <c>UNSIGNED-PAYLOAD</c>, or the SHA-256
/// of the body. Content in memory or over a seekable stream is hashed where it is; anything else is buffered up to a
/// limit and the request's content replaced by the buffer, so that what is sent is what was hashed.
/// </summary>
internal static class PayloadHasher
{
    public static async ValueTask<string> GetAsync(HttpRequestMessage request, SigV4SigningParameters parameters, CancellationToken cancellationToken)
    {
        if (TryGetWithoutReading(request, parameters, out string? hash))
        {
            return hash;
        }

        HttpContent content = request.Content!;
        HashingStream hasher = HashingStream.Rent();
        try
        {
            if (IsInMemory(content))
            {
                content.CopyTo(hasher, null, cancellationToken);
            }
            else if (content is StreamContent && await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false) is { CanSeek: true } stream)
            {
                // Hashing reads the stream to its end: put it back where it was, for anything that reads it before
                // SocketsHttpHandler (which seeks back to the content's start itself).
                long position = stream.Position;
                await content.CopyToAsync(hasher, cancellationToken).ConfigureAwait(false);
                stream.Position = position;
            }
            else
            {
                LimitedBufferStream buffer = new(parameters.MaxBufferedPayloadBytes);
                await BufferAsync(content, buffer, cancellationToken).ConfigureAwait(false);
                return HashAndReplace(request, content, buffer);
            }

            return Finish(hasher);
        }
        finally
        {
            HashingStream.Return(hasher);
        }
    }

    public static string Get(HttpRequestMessage request, SigV4SigningParameters parameters, CancellationToken cancellationToken)
    {
        if (TryGetWithoutReading(request, parameters, out string? hash))
        {
            return hash;
        }

        HttpContent content = request.Content!;
        HashingStream hasher = HashingStream.Rent();
        try
        {
            if (IsInMemory(content))
            {
                content.CopyTo(hasher, null, cancellationToken);
                return Finish(hasher);
            }

            if (content is StreamContent && content.ReadAsStream(cancellationToken) is { CanSeek: true } stream)
            {
                long position = stream.Position;
                content.CopyTo(hasher, null, cancellationToken);
                stream.Position = position;
                return Finish(hasher);
            }

            LimitedBufferStream buffer = new(parameters.MaxBufferedPayloadBytes);
            try
            {
                content.CopyTo(buffer, null, cancellationToken);
            }
            catch (Exception e) when (Unwrap(e) is PayloadTooLargeException tooLarge)
            {
                throw TooLarge(tooLarge);
            }

            return HashAndReplace(request, content, buffer);
        }
        finally
        {
            HashingStream.Return(hasher);
        }
    }

    /// <summary>The hash when no body must be read (<c>UNSIGNED-PAYLOAD</c>, or no content), before any
    /// <c>x-amz-content-sha256</c> the request may carry is looked at (header signing finds that header in its one pass
    /// over the headers, and then starts over with <see cref="Get"/>); otherwise <see langword="null"/>.</summary>
    public static string? GetProvisional(HttpRequestMessage request, SigV4SigningParameters parameters) =>
        parameters.PayloadSigning == PayloadSigningMode.UnsignedPayload ? SigV4Constants.UnsignedPayload
        : request.Content is null ? SigV4Constants.EmptyPayloadHash
        : null;

    private static bool TryGetWithoutReading(HttpRequestMessage request, SigV4SigningParameters parameters, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? hash)
    {
        // One lookup: an x-amz-content-sha256 an earlier signing added is dropped, a caller's own is the hash.
        if (request.Headers.NonValidated.TryGetValues(SigV4Constants.AmzContentSha256, out HeaderStringValues values) &&
            !SigV4Core.RemoveOwnContentSha256(request, values))
        {
            hash = HeaderValue.ToWireString(values).Trim();
            return true;
        }

        hash = GetProvisional(request, parameters);
        return hash is not null;
    }

    private static bool IsInMemory(HttpContent content) => content is ByteArrayContent or ReadOnlyMemoryContent;

    private static async Task BufferAsync(HttpContent content, LimitedBufferStream buffer, CancellationToken cancellationToken)
    {
        try
        {
            await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Unwrap(e) is PayloadTooLargeException tooLarge)
        {
            throw TooLarge(tooLarge);
        }
    }

    private static string HashAndReplace(HttpRequestMessage request, HttpContent original, LimitedBufferStream buffer)
    {
        byte[] bytes = buffer.GetBuffer();
        int length = (int)buffer.Length;
        var replacement = new ByteArrayContent(bytes, 0, length);
        foreach (KeyValuePair<string, HeaderStringValues> header in original.Headers.NonValidated)
        {
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        request.Content = replacement;
        original.Dispose();
        Span<byte> digest = stackalloc byte[32];
        FastSha256.Hash(bytes.AsSpan(0, length), digest);
        return ToHex(digest);
    }

    private static string Finish(HashingStream hasher)
    {
        Span<byte> digest = stackalloc byte[32];
        hasher.GetHashAndReset(digest);
        return ToHex(digest);
    }

    private static string ToHex(ReadOnlySpan<byte> digest)
    {
#if NET9_0_OR_GREATER
        // Vectorized, written straight into the one string.
        return Convert.ToHexStringLower(digest);
#else
        Span<char> hex = stackalloc char[64];
        Hex.EncodeLower(digest, hex);
        return new string(hex);
#endif
    }

    private static Exception? Unwrap(Exception e)
    {
        Exception? current = e;
        while (current is not null and not PayloadTooLargeException)
        {
            current = current.InnerException;
        }

        return current;
    }

    private static SigningException TooLarge(PayloadTooLargeException e) => new(
        $"The request body must be hashed to be signed, but it is not buffered or seekable and is larger than MaxBufferedPayloadBytes ({e.Limit} bytes). " +
        "Send it as ByteArrayContent or over a seekable stream, raise MaxBufferedPayloadBytes, or use PayloadSigningMode.UnsignedPayload where the service accepts it.",
        e);
}
