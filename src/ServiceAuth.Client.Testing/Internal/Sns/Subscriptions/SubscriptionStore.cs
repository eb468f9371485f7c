using System.Collections.Concurrent;

namespace ServiceAuth.Client.Testing.Internal.Sns.Subscriptions;

/// <summary>The endpoint's subscriptions by ARN, and the certificate their envelopes are signed with.</summary>
internal sealed class SubscriptionStore
{
    private readonly ConcurrentDictionary<string, SnsSubscription> _byArn = new(StringComparer.Ordinal);
    private readonly Lazy<EnvelopeSigner> _signer;

    public SubscriptionStore(Func<DateTimeOffset> now) => _signer = new(() => new EnvelopeSigner(now()));

    public EnvelopeSigner Signer => _signer.Value;

    public void Add(SnsSubscription subscription) => _byArn[subscription.Arn] = subscription;

    public SnsSubscription? Find(string? arn) => arn is null ? null : _byArn.GetValueOrDefault(arn);

    public bool Remove(string arn) => _byArn.TryRemove(arn, out _);

    /// <summary>Gets a topic's subscriptions, oldest first.</summary>
    public IReadOnlyList<SnsSubscription> OfTopic(string topicArn) =>
        [.. _byArn.Values.Where(s => s.TopicArn == topicArn).OrderBy(s => s.Arn, StringComparer.Ordinal)];

    public SnsSubscription? FindPending(string topicArn, string token) =>
        _byArn.Values.FirstOrDefault(s => s.TopicArn == topicArn && s.Token == token);
}
