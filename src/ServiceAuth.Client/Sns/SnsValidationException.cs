namespace ServiceAuth.Client.Sns;

/// <summary>
/// Thrown before anything is sent when a message breaks an SNS rule. <see cref="Rule"/> says which rule,
/// <see cref="Value"/> which value, and <see cref="MessageIndex"/> which message of a batch; no message of the call was
/// published.
/// </summary>
public sealed class SnsValidationException : ServiceAuthException
{
    /// <summary>Initializes a new instance of the <see cref="SnsValidationException"/> class.</summary>
    public SnsValidationException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SnsValidationException"/> class with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public SnsValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SnsValidationException"/> class with a message and a cause.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public SnsValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SnsValidationException"/> class for a broken rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="value">The offending value (shortened), or a description such as a size.</param>
    /// <param name="messageIndex">The position of the message in a batch, or <see langword="null"/>.</param>
    /// <param name="message">The message that describes the error.</param>
    public SnsValidationException(SnsValidationRule rule, string? value, int? messageIndex, string message)
        : base(message)
    {
        Rule = rule;
        Value = value;
        MessageIndex = messageIndex;
    }

    /// <summary>Gets the rule the message broke.</summary>
    public SnsValidationRule Rule { get; }

    /// <summary>Gets the offending value (shortened), or a description such as a size.</summary>
    public string? Value { get; }

    /// <summary>Gets the position of the offending message in a batch, or <see langword="null"/> for a single publish.</summary>
    public int? MessageIndex { get; }
}
