namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>Whether a request body can be sent again, by the signing handler's one recovery resend or by a retry.</summary>
internal static class ReplayableContent
{
    /// <summary>None, or in memory (which includes a body the signer buffered).</summary>
    public static bool IsReplayable(HttpContent? content) => content is null or ByteArrayContent or ReadOnlyMemoryContent;
}
