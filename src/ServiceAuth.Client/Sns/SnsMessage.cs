namespace ServiceAuth.Client.Sns;

/// <summary>A message to publish with its per-message options: subject, attributes, FIFO ids and message structure.</summary>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <param name="body">The message body.</param>
public sealed class SnsMessage<TMessage>(TMessage body)
{
    /// <summary>Gets the message body.</summary>
    public TMessage Body { get; } = body;

    /// <summary>Gets or sets the subject: 1 to 99 characters, no line breaks or control characters. Email subscribers see it
    /// as the subject line; other subscribers get it in the JSON envelope.</summary>
    /// <value>The default value is <see langword="null"/>: no subject.</value>
    public string? Subject { get; init; }

    /// <summary>Gets the message attributes (at most 10, including the <c>traceparent</c> the publisher may add), sent in
    /// enumeration order.</summary>
    public IDictionary<string, SnsAttributeValue> MessageAttributes { get; } = new Dictionary<string, SnsAttributeValue>(StringComparer.Ordinal);

    /// <summary>Gets or sets the message group id: required on FIFO topics, optional on standard topics (forwarded to SQS
    /// fair queues). Up to 128 printable ASCII characters without spaces.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? MessageGroupId { get; init; }

    /// <summary>Gets or sets the deduplication id: FIFO topics only, required unless the topic has content-based
    /// deduplication. Up to 128 printable ASCII characters without spaces.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? MessageDeduplicationId { get; init; }

    /// <summary>Gets or sets the message structure: <c>json</c> when the body is a JSON object with a <c>default</c> string
    /// and optional per-protocol strings (<c>sqs</c>, <c>email</c>, ...). SNS does not deliver attributes then.</summary>
    /// <value>The default value is <see langword="null"/>: the body goes to every protocol as is.</value>
    public string? MessageStructure { get; init; }
}
