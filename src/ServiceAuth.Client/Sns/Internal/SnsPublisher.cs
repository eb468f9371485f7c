using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>The <see cref="ISnsPublisher{TMessage}"/> registered by <c>AddSnsPublisher</c>: validates every message, then
/// publishes through the signed client; batches go through <see cref="SnsBatchRunner{TMessage}"/>.</summary>
internal sealed class SnsPublisher<TMessage> : ISnsPublisher<TMessage>
{
    private readonly SnsPublisherSettings<TMessage> _settings;
    private readonly SnsTransport _transport;
    private readonly SnsMessagePreparer<TMessage> _preparer;
    private readonly SnsBatchRunner<TMessage> _batches;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly MessagingMetrics _metrics;
    private readonly MessagingTarget _target;

    public SnsPublisher(SnsPublisherSettings<TMessage> settings, SnsTransport transport, FullJitterBackoff backoff, ILogger logger, MessagingMetrics? metrics = null)
    {
        _settings = settings;
        _timeProvider = backoff.TimeProvider;
        _metrics = metrics ?? MessagingMetrics.Shared;
        _target = new MessagingTarget(SnsActivities.System, settings.Topic.Name, settings.ServerAddress, settings.ServerPort);
        _transport = transport;
        _logger = logger;
        _preparer = new SnsMessagePreparer<TMessage>(settings, logger);
        _batches = new SnsBatchRunner<TMessage>(settings, transport, backoff, logger);
    }

    public Task<SnsPublishResult> PublishAsync(TMessage message, CancellationToken cancellationToken = default) =>
        PublishAsync(new SnsMessage<TMessage>(message), cancellationToken);

    public async Task<SnsPublishResult> PublishAsync(SnsMessage<TMessage> message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using Activity? activity = SnsActivities.Start(_settings, "publish", null);
        PreparedMessage prepared = _preparer.Prepare(message, null, TraceParent());
        long started = _timeProvider.GetTimestamp();
        try
        {
            SnsPublishResult result = await _transport.PublishAsync(_settings.Topic.Value, prepared, cancellationToken).ConfigureAwait(false);
            Measure("publish", started, null);
            activity?.SetTag("messaging.message.id", result.MessageId);
            activity?.SetTag("aws.request_id", result.RequestId);
            Log.SnsPublished(_logger, _settings.Topic.Name, result.MessageId);
            return result;
        }
        catch (SnsException ex)
        {
            Measure("publish", started, string.IsNullOrEmpty(ex.Code) ? "_OTHER" : ex.Code);
            SnsActivities.Failed(activity, ex.Code, ex.RequestId);
            Log.SnsPublishFailed(_logger, _settings.Topic.Name, ex.Code, (int)ex.StatusCode, ex.RequestId);
            throw;
        }
        catch (Exception ex) when (ex is not SnsException)
        {
            string errorType = ex.GetType().FullName ?? "_OTHER";
            Measure("publish", started, errorType);
            SnsActivities.Failed(activity, errorType, null);
            throw;
        }
    }

    public Task<SnsBatchResult> PublishBatchAsync(IEnumerable<TMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return PublishBatchAsync(messages.Select(m => new SnsMessage<TMessage>(m)), cancellationToken);
    }

    public async Task<SnsBatchResult> PublishBatchAsync(IEnumerable<SnsMessage<TMessage>> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        List<SnsMessage<TMessage>> list = [.. messages];
        using Activity? activity = SnsActivities.Start(_settings, "publish_batch", list.Count);
        string? traceParent = TraceParent();
        var prepared = new PreparedMessage[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            prepared[i] = _preparer.Prepare(list[i] ?? throw new ArgumentException($"Message #{i} is null.", nameof(messages)), i, traceParent);
        }

        long started = _timeProvider.GetTimestamp();
        SnsBatchResult result;
        try
        {
            result = await _batches.RunAsync(prepared, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            string errorType = ex.GetType().FullName ?? "_OTHER";
            _metrics.Operation(_target, "publish_batch", _timeProvider.GetElapsedTime(started), errorType);
            SnsActivities.Failed(activity, errorType, null);
            throw;
        }

        _metrics.Operation(_target, "publish_batch", _timeProvider.GetElapsedTime(started), result.AllSucceeded ? null : "partial_batch_failure");
        _metrics.Sent(_target, "publish_batch", result.SucceededCount, null);
        foreach (IGrouping<string?, SnsEntryResult> failed in result.Failed.GroupBy(e => e.ErrorCode, StringComparer.Ordinal))
        {
            _metrics.Sent(_target, "publish_batch", failed.Count(), failed.Key ?? "_OTHER");
        }

        if (!result.AllSucceeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"{result.FailedCount} of {list.Count} messages failed");
            activity?.SetTag("error.type", "partial_batch_failure");
        }

        return result;
    }

    /// <summary>Records one single-message publish on both messaging instruments.</summary>
    private void Measure(string operation, long started, string? errorType)
    {
        _metrics.Operation(_target, operation, _timeProvider.GetElapsedTime(started), errorType);
        _metrics.Sent(_target, operation, 1, errorType);
    }

    private string? TraceParent() => _settings.AddTraceContext ? SnsActivities.TraceParent(Activity.Current) : null;
}
