namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>
/// Reads the start of an error body to find its code and puts the body back whole: a body that fits the inspection
/// limit is replaced by an in-memory copy; a larger one (or one whose length was unknown, chunked) by a stream that
/// replays the bytes read and continues with the rest. Reads honour the caller's token on every target framework.
/// </summary>
internal static class ErrorBodyBuffer
{
    /// <summary>Returns the whole body when it fits in <paramref name="limit"/> bytes, otherwise <see langword="null"/>;
    /// either way <paramref name="response"/> keeps a content the caller can read from the first byte.</summary>
    public static async ValueTask<byte[]?> ReadAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        HttpContent content = response.Content;
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        byte[] buffer = new byte[BufferSize(content, limit)];
        int read = 0;
        try
        {
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
            {
                read += n;
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return PutBack(response, content, buffer, read, stream, complete: false);
        }

        return PutBack(response, content, buffer, read, stream, complete: read < buffer.Length);
    }

    /// <summary>The synchronous twin of <see cref="ReadAsync"/>.</summary>
    public static byte[]? Read(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        HttpContent content = response.Content;
        Stream stream = content.ReadAsStream(cancellationToken);
        byte[] buffer = new byte[BufferSize(content, limit)];
        int read = 0;
        try
        {
            int n;
            while (read < buffer.Length && (n = stream.Read(buffer.AsSpan(read))) > 0)
            {
                read += n;
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return PutBack(response, content, buffer, read, stream, complete: false);
        }

        return PutBack(response, content, buffer, read, stream, complete: read < buffer.Length);
    }

    // One byte more than the limit (or than the declared length) tells a body that fits from one that does not.
    private static int BufferSize(HttpContent content, int limit) =>
        (int)Math.Min((content.Headers.ContentLength ?? limit) + 1, limit + 1L);

    private static byte[]? PutBack(HttpResponseMessage response, HttpContent original, byte[] buffer, int read, Stream rest, bool complete)
    {
        HttpContent replacement = complete
            ? new ByteArrayContent(buffer, 0, read)
            : new StreamContent(new PrefixedStream(buffer, read, rest, original));
        foreach (KeyValuePair<string, System.Net.Http.Headers.HeaderStringValues> header in original.Headers.NonValidated)
        {
            replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = replacement;
        if (complete)
        {
            original.Dispose();
            return buffer.AsSpan(0, read).ToArray();
        }

        return null;
    }
}
