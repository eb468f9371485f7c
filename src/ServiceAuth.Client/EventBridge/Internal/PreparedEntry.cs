namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>A validated <c>PutEventsRequestEntry</c>, ready to be written, with its size by AWS's entry-size formula.</summary>
internal sealed class PreparedEntry
{
    public required string Source { get; init; }

    public required string DetailType { get; init; }

    public required string Detail { get; init; }

    public IReadOnlyList<string> Resources { get; init; } = [];

    public DateTimeOffset? Time { get; init; }

    public string? TraceHeader { get; init; }

    public required int Size { get; init; }
}
