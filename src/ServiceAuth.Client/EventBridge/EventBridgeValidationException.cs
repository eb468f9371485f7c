namespace ServiceAuth.Client.EventBridge;

/// <summary>
/// Thrown before anything is sent when an event breaks an EventBridge rule. <see cref="Rule"/> says which rule,
/// <see cref="Value"/> which value, and <see cref="EventIndex"/> which event of a batch; no event of the call was sent.
/// </summary>
public sealed class EventBridgeValidationException : ServiceAuthException
{
    /// <summary>Initializes a new instance of the <see cref="EventBridgeValidationException"/> class.</summary>
    public EventBridgeValidationException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EventBridgeValidationException"/> class with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public EventBridgeValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EventBridgeValidationException"/> class with a message and a
    /// cause.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public EventBridgeValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EventBridgeValidationException"/> class for a broken rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="value">The offending value (shortened), or a description such as a size.</param>
    /// <param name="eventIndex">The position of the event in a batch, or <see langword="null"/>.</param>
    /// <param name="message">The message that describes the error.</param>
    public EventBridgeValidationException(EventBridgeValidationRule rule, string? value, int? eventIndex, string message)
        : base(message)
    {
        Rule = rule;
        Value = value;
        EventIndex = eventIndex;
    }

    /// <summary>Gets the rule the event broke.</summary>
    public EventBridgeValidationRule Rule { get; }

    /// <summary>Gets the offending value (shortened), or a description such as a size.</summary>
    public string? Value { get; }

    /// <summary>Gets the position of the offending event in a batch, or <see langword="null"/> for a single publish.</summary>
    public int? EventIndex { get; }
}
