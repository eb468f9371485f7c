namespace ServiceAuth.Client.Sns;

/// <summary>
/// Publishes messages of one type to one SNS topic over a SigV4-signed <see cref="HttpClient"/>. Register it with
/// <c>services.AddSnsPublisher&lt;TMessage&gt;(...)</c>; it is a thread-safe singleton.
/// </summary>
/// <typeparam name="TMessage">The message type: serialized with the configured <c>JsonTypeInfo</c>, or sent as is when it
/// is <see cref="string"/>.</typeparam>
/// <remarks>Every message is validated (size, attributes, subject, FIFO rules) before anything is sent; a violation throws
/// <see cref="SnsValidationException"/> and nothing is published.</remarks>
public interface ISnsPublisher<TMessage>
{
    /// <summary>Publishes one message with no subject, attributes or FIFO ids (on a FIFO topic use the
    /// <see cref="SnsMessage{TMessage}"/> overload).</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The message id, and the sequence number on FIFO topics.</returns>
    /// <exception cref="SnsValidationException">The message breaks an SNS rule; nothing was sent.</exception>
    /// <exception cref="SnsException">SNS answered with an error.</exception>
    Task<SnsPublishResult> PublishAsync(TMessage message, CancellationToken cancellationToken = default);

    /// <summary>Publishes one message with its subject, attributes and FIFO ids.</summary>
    /// <param name="message">The message and its publish options.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The message id, and the sequence number on FIFO topics.</returns>
    /// <exception cref="SnsValidationException">The message breaks an SNS rule; nothing was sent.</exception>
    /// <exception cref="SnsException">SNS answered with an error.</exception>
    Task<SnsPublishResult> PublishAsync(SnsMessage<TMessage> message, CancellationToken cancellationToken = default);

    /// <summary>Publishes many messages through <c>PublishBatch</c> calls of at most 10 entries and at most
    /// <c>MaxMessageBytes</c> bytes each, in input order.</summary>
    /// <param name="messages">The messages.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>One result per input message, in input order: partial failures are reported there, not thrown.</returns>
    /// <exception cref="SnsValidationException">A message breaks an SNS rule; nothing was sent.</exception>
    Task<SnsBatchResult> PublishBatchAsync(IEnumerable<TMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>Publishes many messages, each with its own subject, attributes and FIFO ids, through <c>PublishBatch</c>
    /// calls of at most 10 entries and at most <c>MaxMessageBytes</c> bytes each, in input order.</summary>
    /// <param name="messages">The messages and their publish options.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>One result per input message, in input order: partial failures are reported there, not thrown.</returns>
    /// <exception cref="SnsValidationException">A message breaks an SNS rule; nothing was sent.</exception>
    Task<SnsBatchResult> PublishBatchAsync(IEnumerable<SnsMessage<TMessage>> messages, CancellationToken cancellationToken = default);
}
