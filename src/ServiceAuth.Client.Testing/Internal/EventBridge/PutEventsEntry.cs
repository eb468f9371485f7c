namespace ServiceAuth.Client.Testing.Internal.EventBridge;

/// <summary>One <c>PutEventsRequestEntry</c> as it arrived (fields absent from the JSON are <see langword="null"/>).</summary>
internal sealed class PutEventsEntry
{
    public string? Source { get; init; }

    public string? DetailType { get; init; }

    public string? Detail { get; init; }

    public string? EventBusName { get; init; }

    public IReadOnlyList<string>? Resources { get; init; }

    public DateTimeOffset? Time { get; init; }

    public string? TraceHeader { get; init; }

    /// <summary>Gets the size by AWS's entry-size formula.</summary>
    public int Size => (Time is null ? 0 : 14) + Bytes(Source) + Bytes(DetailType) + Bytes(Detail) + (Resources?.Sum(Bytes) ?? 0);

    private static int Bytes(string? text) => text is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(text);
}
