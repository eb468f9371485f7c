using System.Diagnostics.CodeAnalysis;

namespace ServiceAuth.Client.EventBridge;

/// <summary>
/// Publishes events of one type to one EventBridge event bus with <c>PutEvents</c> over a SigV4-signed
/// <see cref="HttpClient"/>. Register it with <c>services.AddEventBridgePublisher&lt;TEvent&gt;(...)</c>; it is a
/// thread-safe singleton.
/// </summary>
/// <typeparam name="TEvent">The type of the event's <c>detail</c>: serialized with the configured <c>JsonTypeInfo</c>, or
/// sent as is when it is <see cref="string"/> (which must then hold a JSON object).</typeparam>
/// <remarks>Every event is validated (sizes, <c>Source</c>/<c>DetailType</c> rules, <c>Detail</c> a JSON object, resource
/// ARNs) before anything is sent; a violation throws <see cref="EventBridgeValidationException"/> and nothing is sent.</remarks>
public interface IEventBridgePublisher<TEvent>
{
    /// <summary>Publishes one event with the configured <c>Source</c>, <c>DetailType</c> and <c>Resources</c>.</summary>
    /// <param name="detail">The event detail.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The accepted entry, with its event id.</returns>
    /// <exception cref="EventBridgeValidationException">The event breaks an EventBridge rule; nothing was sent.</exception>
    /// <exception cref="EventBridgeException">EventBridge rejected the request or the entry (after retries of retryable
    /// entry errors); <see cref="EventBridgeException.Code"/> holds the request's or the entry's error code.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The shape of ISnsPublisher<T>: a plain and a per-event overload, each with an optional token; they never compete for one call.")]
    Task<EventBridgeEntryResult> PublishAsync(TEvent detail, CancellationToken cancellationToken = default);

    /// <summary>Publishes one event with its own <c>Source</c>, <c>DetailType</c>, <c>Resources</c>, <c>Time</c> or trace
    /// header.</summary>
    /// <param name="entry">The event and its per-event fields.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The accepted entry, with its event id.</returns>
    /// <exception cref="EventBridgeValidationException">The event breaks an EventBridge rule; nothing was sent.</exception>
    /// <exception cref="EventBridgeException">EventBridge rejected the request or the entry.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The shape of ISnsPublisher<T>: a plain and a per-event overload, each with an optional token; they never compete for one call.")]
    Task<EventBridgeEntryResult> PublishAsync(EventBridgeEvent<TEvent> entry, CancellationToken cancellationToken = default);

    /// <summary>Publishes many events through <c>PutEvents</c> requests of at most 10 entries and at most
    /// <c>MaxRequestBytes</c> (AWS's entry-size formula) each.</summary>
    /// <param name="details">The event details.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>One result per input event, in input order: failures are reported there, not thrown.</returns>
    /// <exception cref="EventBridgeValidationException">An event breaks an EventBridge rule; nothing was sent.</exception>
    /// <exception cref="EventBridgeBatchCanceledException">The caller cancelled; it carries the results known so far.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The shape of ISnsPublisher<T>: a plain and a per-event overload, each with an optional token; they never compete for one call.")]
    Task<EventBridgeBatchResult> PublishBatchAsync(IEnumerable<TEvent> details, CancellationToken cancellationToken = default);

    /// <summary>Publishes many events, each with its own per-event fields, through <c>PutEvents</c> requests of at most 10
    /// entries and at most <c>MaxRequestBytes</c> each.</summary>
    /// <param name="entries">The events and their per-event fields.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>One result per input event, in input order: failures are reported there, not thrown.</returns>
    /// <exception cref="EventBridgeValidationException">An event breaks an EventBridge rule; nothing was sent.</exception>
    /// <exception cref="EventBridgeBatchCanceledException">The caller cancelled; it carries the results known so far.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The shape of ISnsPublisher<T>: a plain and a per-event overload, each with an optional token; they never compete for one call.")]
    Task<EventBridgeBatchResult> PublishBatchAsync(IEnumerable<EventBridgeEvent<TEvent>> entries, CancellationToken cancellationToken = default);
}
