using System.Diagnostics.Metrics;

namespace ServiceAuth.Client.Diagnostics;

/// <summary>
/// The SNS and EventBridge publishers' instruments on the <c>ServiceAuth.Client</c> meter, by the OpenTelemetry messaging
/// metric conventions: <c>messaging.client.operation.duration</c> (seconds) and <c>messaging.client.sent.messages</c>,
/// tagged <c>messaging.system</c>, <c>messaging.operation.name</c>, <c>messaging.destination.name</c>,
/// <c>server.address</c>, <c>server.port</c>, <c>messaging.operation.type</c> (the duration only, as the conventions
/// ask) and, on failures only, <c>error.type</c>. A container singleton created from its
/// <see cref="IMeterFactory"/>; <see cref="Shared"/> serves code constructed without one.
/// </summary>
internal sealed class MessagingMetrics
{
    private static MessagingMetrics? s_shared;

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _sent;

    public MessagingMetrics(IMeterFactory meterFactory)
        : this(ServiceAuthTelemetry.CreateMeter(meterFactory))
    {
    }

    private MessagingMetrics(Meter meter)
    {
        _duration = meter.CreateHistogram<double>(
            "messaging.client.operation.duration", "s", "Duration of each SNS Publish/PublishBatch or EventBridge PutEvents call (retry rounds included); failures carry error.type.");
        _sent = meter.CreateCounter<long>(
            "messaging.client.sent.messages", "{message}", "Messages the publisher attempted to send; failed ones carry error.type.");
    }

    /// <summary>The fallback on the static meter, for code constructed without dependency injection.</summary>
    public static MessagingMetrics Shared => LazyInitializer.EnsureInitialized(ref s_shared, static () => new MessagingMetrics(ServiceAuthTelemetry.FallbackMeter));

    /// <summary>Records one publish call; <paramref name="errorType"/> is <see langword="null"/> on success.</summary>
    public void Operation(in MessagingTarget target, string operation, TimeSpan duration, string? errorType)
    {
        if (_duration.Enabled)
        {
            _duration.Record(duration.TotalSeconds, target.Tags(operation, errorType, MessagingTarget.SendOperationType));
        }
    }

    /// <summary>Counts <paramref name="count"/> messages sent, all with the same outcome.</summary>
    public void Sent(in MessagingTarget target, string operation, int count, string? errorType)
    {
        if (count > 0 && _sent.Enabled)
        {
            _sent.Add(count, target.Tags(operation, errorType));
        }
    }
}
