namespace ServiceAuth.Client.EventBridge;

/// <summary>The EventBridge rule an event broke; see <see cref="EventBridgeValidationException"/> and docs/eventbridge.md
/// (Limits).</summary>
public enum EventBridgeValidationRule
{
    /// <summary>The detail is null, is not a JSON object, or has a lone surrogate.</summary>
    Detail,

    /// <summary>The source is missing, empty, longer than 256 characters, starts with <c>aws.</c>, or does not start with
    /// one of <c>[/.-_A-Za-z0-9]</c>.</summary>
    Source,

    /// <summary>The detail type is missing, empty or longer than 128 characters.</summary>
    DetailType,

    /// <summary>More than 100 resources, or a resource that is empty, longer than 2,048 characters or not an ARN.</summary>
    Resources,

    /// <summary>The trace header is empty or longer than 500 characters.</summary>
    TraceHeader,

    /// <summary>The time is before the Unix epoch.</summary>
    Time,

    /// <summary>The entry size by AWS's formula exceeds <c>MaxRequestBytes</c>.</summary>
    EntrySize,

    /// <summary>A text field has a lone surrogate and cannot be sent as UTF-8.</summary>
    Text,
}
