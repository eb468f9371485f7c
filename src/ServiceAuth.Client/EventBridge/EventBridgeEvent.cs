namespace ServiceAuth.Client.EventBridge;

/// <summary>An event with its per-event <c>PutEvents</c> fields; a field left <see langword="null"/> takes the
/// publisher's configured value.</summary>
/// <typeparam name="TEvent">The type of the event's detail.</typeparam>
/// <param name="detail">The event detail.</param>
public sealed class EventBridgeEvent<TEvent>(TEvent detail)
{
    /// <summary>Gets the event detail, sent as the <c>Detail</c> JSON object string.</summary>
    public TEvent Detail { get; } = detail;

    /// <summary>Gets or sets the source: 1 to 256 characters, not starting with <c>aws.</c>.</summary>
    /// <value>The default value is <see langword="null"/>: the publisher's <c>Source</c>.</value>
    public string? Source { get; init; }

    /// <summary>Gets or sets the detail type: 1 to 128 characters.</summary>
    /// <value>The default value is <see langword="null"/>: the publisher's <c>DetailType</c>.</value>
    public string? DetailType { get; init; }

    /// <summary>Gets or sets the ARNs of the resources the event concerns (at most 100, each up to 2,048 characters).</summary>
    /// <value>The default value is <see langword="null"/>: the publisher's <c>Resources</c>.</value>
    public IReadOnlyList<string>? Resources { get; init; }

    /// <summary>Gets or sets the time the event happened, sent with millisecond precision.</summary>
    /// <value>The default value is <see langword="null"/>: EventBridge stamps the time it received the event.</value>
    public DateTimeOffset? Time { get; init; }

    /// <summary>Gets or sets the X-Ray trace header (<c>Root=1-…;Parent=…;Sampled=…</c>).</summary>
    /// <value>The default value is <see langword="null"/>: derived from the current W3C <c>Activity</c> when
    /// <c>AddTraceHeader</c> is on.</value>
    public string? TraceHeader { get; init; }
}
