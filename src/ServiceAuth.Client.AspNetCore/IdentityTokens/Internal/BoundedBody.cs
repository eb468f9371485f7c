namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>Reads a response body of at most <c>limit</c> bytes; a larger one gives <see langword="null"/>, unread beyond the limit.</summary>
internal static class BoundedBody
{
    public static async Task<byte[]?> ReadAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > limit)
        {
            return null;
        }

        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            byte[] buffer = new byte[limit + 1];
            int total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return total > limit ? null : buffer[..total];
        }
    }
}
