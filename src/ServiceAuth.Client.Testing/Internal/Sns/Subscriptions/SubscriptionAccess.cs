using ServiceAuth.Client.Testing.Internal.Identity;
using ServiceAuth.Client.Testing.Internal.Sqs;

namespace ServiceAuth.Client.Testing.Internal.Sns.Subscriptions;

/// <summary>
/// The two authorization decisions of subscriptions, one method each, so they can be moved to the shared policy
/// evaluator without touching their callers.
/// </summary>
internal static class SubscriptionAccess
{
    /// <summary><c>sns:Subscribe</c> on the topic: the topic's own account may; another principal needs a grant naming it,
    /// the protocol (<c>sns:Protocol</c>) and the endpoint (<c>sns:Endpoint</c>).</summary>
    public static bool MaySubscribe(LocalTopic topic, KeyRecord caller, string protocol, string endpoint)
    {
        if (caller.AccountId == topic.AccountId)
        {
            return true;
        }

        return topic.SubscribeGrants.Any(g =>
            PrincipalMatcher.IsAllowed([g.Principal], caller)
            && string.Equals(g.Protocol, protocol, StringComparison.OrdinalIgnoreCase)
            && Wildcard.Matches(g.Endpoint, endpoint));
    }

    /// <summary><c>sqs:SendMessage</c> by <c>sns.amazonaws.com</c> with <c>aws:SourceArn</c> = the topic, per the queue policy.</summary>
    public static bool MaySendToQueue(SqsQueue queue, string topicArn) => QueuePolicy.AllowsSns(queue.Policy, queue.Arn, topicArn);
}
