using System.Diagnostics;
using System.Net;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>The <see cref="IEventBridgePublisher{TEvent}"/> registered by <c>AddEventBridgePublisher</c>: validates every
/// event, then publishes through the signed client with <see cref="EventBridgeBatchRunner{TEvent}"/>.</summary>
internal sealed class EventBridgePublisher<TEvent> : IEventBridgePublisher<TEvent>
{
    private readonly EventBridgePublisherSettings<TEvent> _settings;
    private readonly EventBridgeEntryPreparer<TEvent> _preparer;
    private readonly EventBridgeBatchRunner<TEvent> _runner;
    private readonly ILogger _logger;

    public EventBridgePublisher(EventBridgePublisherSettings<TEvent> settings, EventBridgeTransport transport, FullJitterBackoff backoff, ILogger logger)
    {
        _settings = settings;
        _logger = logger;
        _preparer = new EventBridgeEntryPreparer<TEvent>(settings);
        _runner = new EventBridgeBatchRunner<TEvent>(settings, transport, backoff, logger);
    }

    public Task<EventBridgeEntryResult> PublishAsync(TEvent detail, CancellationToken cancellationToken = default) =>
        PublishAsync(new EventBridgeEvent<TEvent>(detail), cancellationToken);

    public async Task<EventBridgeEntryResult> PublishAsync(EventBridgeEvent<TEvent> entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using Activity? activity = StartActivity(1);
        PreparedEntry prepared = _preparer.Prepare(entry, null, TraceHeader());
        EventBridgeBatchResult batch = await _runner.RunAsync([prepared], cancellationToken).ConfigureAwait(false);
        EventBridgeEntryResult result = batch.Entries[0];
        if (result.Succeeded)
        {
            activity?.SetTag("messaging.message.id", result.EventId);
            Log.EventBridgePublished(_logger, _settings.Bus.Name, result.EventId!);
            return result;
        }

        activity?.SetStatus(ActivityStatusCode.Error, result.ErrorCode);
        Log.EventBridgePublishFailed(_logger, _settings.Bus.Name, result.ErrorCode!);
        if (result.RequestFailure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        throw new EventBridgeException(result.ErrorCode!, result.ErrorMessage, null, HttpStatusCode.OK);
    }

    public Task<EventBridgeBatchResult> PublishBatchAsync(IEnumerable<TEvent> details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        return PublishBatchAsync(details.Select(d => new EventBridgeEvent<TEvent>(d)), cancellationToken);
    }

    public async Task<EventBridgeBatchResult> PublishBatchAsync(IEnumerable<EventBridgeEvent<TEvent>> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        List<EventBridgeEvent<TEvent>> list = [.. entries];
        using Activity? activity = StartActivity(list.Count);
        string? traceHeader = TraceHeader();
        var prepared = new PreparedEntry[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            prepared[i] = _preparer.Prepare(list[i] ?? throw new ArgumentException($"Event #{i} is null.", nameof(entries)), i, traceHeader);
        }

        EventBridgeBatchResult result = await _runner.RunAsync(prepared, cancellationToken).ConfigureAwait(false);
        if (!result.AllSucceeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"{result.FailedCount} of {list.Count} events failed");
        }

        return result;
    }

    private string? TraceHeader() => _settings.AddTraceHeader ? XRayTraceHeader.FromCurrent() : null;

    private Activity? StartActivity(int count)
    {
        Activity? activity = ServiceAuthTelemetry.ActivitySource.StartActivity($"{_settings.Bus.Name} publish", ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "aws_eventbridge");
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("messaging.destination.name", _settings.Bus.Name);
            activity.SetTag("messaging.batch.message_count", count);
        }

        return activity;
    }
}
