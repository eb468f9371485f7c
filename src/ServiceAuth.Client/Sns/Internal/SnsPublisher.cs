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

    public SnsPublisher(SnsPublisherSettings<TMessage> settings, SnsTransport transport, FullJitterBackoff backoff, ILogger logger)
    {
        _settings = settings;
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
        try
        {
            SnsPublishResult result = await _transport.PublishAsync(_settings.Topic.Value, prepared, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("messaging.message.id", result.MessageId);
            activity?.SetTag("aws.request_id", result.RequestId);
            Log.SnsPublished(_logger, _settings.Topic.Name, result.MessageId);
            return result;
        }
        catch (SnsException ex)
        {
            SnsActivities.Failed(activity, ex.Code, ex.RequestId);
            Log.SnsPublishFailed(_logger, _settings.Topic.Name, ex.Code, (int)ex.StatusCode, ex.RequestId);
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

        SnsBatchResult result = await _batches.RunAsync(prepared, cancellationToken).ConfigureAwait(false);
        if (!result.AllSucceeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"{result.FailedCount} of {list.Count} messages failed");
            activity?.SetTag("error.type", "partial_batch_failure");
        }

        return result;
    }

    private string? TraceParent() => _settings.AddTraceContext ? SnsActivities.TraceParent(Activity.Current) : null;
}
