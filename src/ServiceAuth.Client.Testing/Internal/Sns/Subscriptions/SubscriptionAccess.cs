using ServiceAuth.Client.Testing.Internal.Identity;
using ServiceAuth.Client.Testing.Internal.Policy;
using ServiceAuth.Client.Testing.Internal.Sqs;

namespace ServiceAuth.Client.Testing.Internal.Sns.Subscriptions;

/// <summary>
/// The two authorization decisions of subscriptions, both made by <see cref="PolicyEvaluator"/>: who may subscribe
/// which endpoint to a topic, and whether a queue's policy lets SNS deliver a topic's messages.
/// </summary>
internal static class SubscriptionAccess
{
    private const string SnsService = "Service:sns.amazonaws.com";

    /// <summary><c>sns:Subscribe</c> on the topic: its account's principals through AWS's default topic policy (which names
    /// the owner account, so their identity-based policies decide); another account's need
    /// the topic policy to grant it, with <c>sns:Protocol</c> and <c>sns:Endpoint</c> (StringLike) conditions.</summary>
    public static AccessDecision MaySubscribe(EndpointState state, LocalTopic topic, KeyRecord caller, string protocol, string endpoint)
    {
        // AWS's default topic policy lets the owner account's principals subscribe (their identity-based policies decide).
        PolicyStatement owner = new() { Name = "'__default_statement_ID'", IsAllow = true, Principals = [topic.AccountId], Actions = ["sns:Subscribe"] };
        List<PolicyStatement> grants = [owner, .. topic.SubscribeGrants.Select((g, i) => new PolicyStatement
        {
            Name = $"'AllowSubscribe{i + 1}'",
            IsAllow = true,
            Principals = [g.Principal],
            Actions = ["sns:Subscribe"],
            Conditions = [new PolicyCondition("StringEquals", "sns:Protocol", [g.Protocol]), new PolicyCondition("StringLike", "sns:Endpoint", [g.Endpoint])],
        })];
        PolicyDocument? set = state.Policies.Resource.GetValueOrDefault(topic.Arn);
        var policy = new PolicyDocument($"the topic policy of {topic.Arn}", [.. grants, .. set?.Statements ?? []]);
        return AccessCheck.Evaluate(
            state, caller, null, "sns:Subscribe", topic.Arn, topic.AccountId, policy,
            [new("sns:Protocol", protocol), new("sns:Endpoint", endpoint)]);
    }

    /// <summary><c>sqs:SendMessage</c> by <c>sns.amazonaws.com</c>, with <c>aws:SourceArn</c> and
    /// <c>aws:SourceAccount</c> naming the topic, judged by the queue policy alone (a service principal has no
    /// identity-based policy); no policy, or one that does not parse, allows nothing.</summary>
    public static bool MaySendToQueue(SqsQueue queue, string topicArn)
    {
        if (string.IsNullOrWhiteSpace(queue.Policy))
        {
            return false;
        }

        PolicyDocument policy;
        try
        {
            policy = PolicyDocument.Parse(queue.Policy, $"the queue policy of {queue.Arn}");
        }
        catch (ArgumentException)
        {
            return false;
        }

        string account = AccessCheck.AccountOf(queue.Arn) ?? string.Empty;
        return PolicyEvaluator.Evaluate(new AccessRequest
        {
            Principal = new PolicyPrincipal(SnsService, SnsService, account),
            Action = "sqs:SendMessage",
            Resource = queue.Arn,
            ResourceAccount = account,
            Context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["aws:SourceArn"] = [topicArn],
                ["aws:SourceAccount"] = [AccessCheck.AccountOf(topicArn) ?? string.Empty],
            },
            ResourcePolicy = policy,
        }).IsAllowed;
    }
}
