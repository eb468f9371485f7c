namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>
/// Whether a request body can be sent again, by the signing handler's one recovery resend or by a retry: none, in memory
/// (which includes a body the signer buffered), or a <see cref="StreamContent"/> over a seekable stream, which is put back
/// at the position it had when it was first signed before every later signing (so each attempt hashes and sends the
/// same bytes). A non-seekable stream is never re-sent.
/// </summary>
internal static class ReplayableContent
{
    private static readonly HttpRequestOptionsKey<long> OriginKey = new("ServiceAuth.Client.StreamOrigin");

    public static bool IsReplayable(HttpRequestMessage request) =>
        request.Content is null or ByteArrayContent or ReadOnlyMemoryContent
        || (request.Content is StreamContent && request.Options.TryGetValue(OriginKey, out _));

    /// <summary>Records a seekable stream's position on the first call and seeks back to it on later ones.</summary>
    public static async ValueTask RewindAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is StreamContent content)
        {
            Rewind(request, await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>The synchronous twin of <see cref="RewindAsync"/>.</summary>
    public static void Rewind(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is StreamContent content)
        {
            Rewind(request, content.ReadAsStream(cancellationToken));
        }
    }

    private static void Rewind(HttpRequestMessage request, Stream stream)
    {
        if (!stream.CanSeek)
        {
            return;
        }

        if (request.Options.TryGetValue(OriginKey, out long origin))
        {
            stream.Position = origin;
        }
        else
        {
            request.Options.Set(OriginKey, stream.Position);
        }
    }
}
