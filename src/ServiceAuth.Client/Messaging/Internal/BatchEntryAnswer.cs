namespace ServiceAuth.Client.Messaging.Internal;

/// <summary>What the service answered for one entry of a request: an id (accepted) or an error code (failed).</summary>
/// <param name="Index">The entry's position in the whole input.</param>
/// <param name="Id">The message or event id, when accepted.</param>
/// <param name="ErrorCode">The entry's error code, when failed (<c>Unknown</c> when the service gave none).</param>
internal sealed record BatchEntryAnswer(int Index, string? Id, string? ErrorCode)
{
    public string? SequenceNumber { get; init; }

    public string? ErrorMessage { get; init; }

    public bool SenderFault { get; init; }

    public bool Accepted => ErrorCode is null && Id is not null;
}
