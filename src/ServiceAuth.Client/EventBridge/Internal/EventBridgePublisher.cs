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
    private readonly TimeProvider _timeProvider;
    private readonly MessagingMetrics _metrics;
    private readonly MessagingTarget _target;

    public EventBridgePublisher(
        EventBridgePublisherSettings<TEvent> settings, EventBridgeTransport transport, FullJitterBackoff backoff, ILogger logger, MessagingMetrics? metrics = null)
    {
        _settings = settings;
        _logger = logger;
        _timeProvider = backoff.TimeProvider;
        _metrics = metrics ?? MessagingMetrics.Shared;
        _target = new MessagingTarget(EventBridgeActivities.System, settings.Bus.Name, settings.ServerAddress, settings.ServerPort);
        _preparer = new EventBridgeEntryPreparer<TEvent>(settings);
        _runner = new EventBridgeBatchRunner<TEvent>(settings, transport, backoff, logger);
    }

    public Task<EventBridgeEntryResult> PublishAsync(TEvent detail, CancellationToken cancellationToken = default) =>
        PublishAsync(new EventBridgeEvent<TEvent>(detail), cancellationToken);

    public async Task<EventBridgeEntryResult> PublishAsync(EventBridgeEvent<TEvent> entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using Activity? activity = EventBridgeActivities.Start(_settings, null);
        PreparedEntry prepared = _preparer.Prepare(entry, null, TraceHeader());
        long started = _timeProvider.GetTimestamp();
        EventBridgeBatchResult batch = await RunAsync([prepared], activity, started, cancellationToken).ConfigureAwait(false);
        EventBridgeEntryResult result = batch.Entries[0];
        _metrics.Operation(_target, EventBridgeActivities.Operation, _timeProvider.GetElapsedTime(started), result.ErrorCode);
        _metrics.Sent(_target, EventBridgeActivities.Operation, 1, result.ErrorCode);
        if (result.Succeeded)
        {
            activity?.SetTag("messaging.message.id", result.EventId);
            Log.EventBridgePublished(_logger, _settings.Bus.Name, result.EventId!);
            return result;
        }

        EventBridgeActivities.Failed(activity, result.ErrorCode!, result.ErrorCode!);
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
        using Activity? activity = EventBridgeActivities.Start(_settings, list.Count);
        string? traceHeader = TraceHeader();
        var prepared = new PreparedEntry[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            prepared[i] = _preparer.Prepare(list[i] ?? throw new ArgumentException($"Event #{i} is null.", nameof(entries)), i, traceHeader);
        }

        long started = _timeProvider.GetTimestamp();
        EventBridgeBatchResult result = await RunAsync(prepared, activity, started, cancellationToken).ConfigureAwait(false);
        string? errorType = result.AllSucceeded ? null : "partial_batch_failure";
        _metrics.Operation(_target, EventBridgeActivities.Operation, _timeProvider.GetElapsedTime(started), errorType);
        _metrics.Sent(_target, EventBridgeActivities.Operation, result.Entries.Count - result.FailedCount, null);
        foreach (IGrouping<string?, EventBridgeEntryResult> failed in result.Entries.Where(e => !e.Succeeded).GroupBy(e => e.ErrorCode, StringComparer.Ordinal))
        {
            _metrics.Sent(_target, EventBridgeActivities.Operation, failed.Count(), failed.Key ?? "_OTHER");
        }

        if (errorType is not null)
        {
            EventBridgeActivities.Failed(activity, errorType, $"{result.FailedCount} of {list.Count} events failed");
        }

        return result;
    }

    /// <summary>Runs the rounds; a cancelled call is measured (<c>error.type</c> = the exception's type) before it ends.</summary>
    private async Task<EventBridgeBatchResult> RunAsync(PreparedEntry[] prepared, Activity? activity, long started, CancellationToken cancellationToken)
    {
        try
        {
            return await _runner.RunAsync(prepared, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            string errorType = ex.GetType().FullName ?? "_OTHER";
            _metrics.Operation(_target, EventBridgeActivities.Operation, _timeProvider.GetElapsedTime(started), errorType);
            EventBridgeActivities.Failed(activity, errorType, ex.Message);
            throw;
        }
    }

    private string? TraceHeader() => _settings.AddTraceHeader ? XRayTraceHeader.FromCurrent() : null;
}
