using System.Text;
using ServiceAuth.Client.Testing.Internal.Identity;
using ServiceAuth.Client.Testing.Internal.Protocol;
using ServiceAuth.Client.Testing.Internal.Sqs;

namespace ServiceAuth.Client.Testing.Internal.Sns.Subscriptions;

/// <summary>
/// SNS <c>Subscribe</c>, <c>ConfirmSubscription</c>, <c>Unsubscribe</c>, <c>ListSubscriptionsByTopic</c> and
/// <c>SetSubscriptionAttributes</c> (awsQuery) for SQS endpoints. The topic policy decides who may subscribe which queue;
/// a queue of the caller's own account is confirmed at once, another account's queue gets a signed
/// <c>SubscriptionConfirmation</c> and stays pending until <c>ConfirmSubscription</c> with its token.
/// </summary>
internal static class SubscriptionHandler
{
    private const string Ns = AwsQueryXml.SnsNamespace;

    public static bool Handles(string? action) =>
        action is "Subscribe" or "ConfirmSubscription" or "Unsubscribe" or "ListSubscriptionsByTopic" or "SetSubscriptionAttributes";

    public static WireResponse Handle(EndpointState state, string action, Dictionary<string, string> form, KeyRecord? caller, string requestId) => action switch
    {
        "Subscribe" => Subscribe(state, form, caller!, requestId),
        "ConfirmSubscription" => Confirm(state, form, requestId),
        "Unsubscribe" => Unsubscribe(state, form, caller, requestId),
        "SetSubscriptionAttributes" => SetAttribute(state, form, caller!, requestId),
        _ => List(state, form, caller!, requestId),
    };

    private static WireResponse Subscribe(EndpointState state, Dictionary<string, string> form, KeyRecord caller, string requestId)
    {
        string protocol = form.GetValueOrDefault("Protocol") ?? string.Empty;
        string endpoint = form.GetValueOrDefault("Endpoint") ?? string.Empty;
        if (FindTopic(state, form, requestId, out LocalTopic? topic) is { } missing)
        {
            return missing;
        }

        if (SubscriptionAccess.MaySubscribe(state, topic!, caller, protocol, endpoint) is { IsAllowed: false } denied)
        {
            WireResponse refused = AwsQueryXml.Error(403, Ns, "AuthorizationError", $"User: {caller.CallerArn} is not authorized to perform: SNS:Subscribe on resource: {topic!.Arn}{denied.MessageSuffix("SNS:Subscribe")}", requestId);
            refused.Denial = denied.Explanation;
            return refused;
        }

        if (protocol != "sqs")
        {
            return Invalid($"Invalid parameter: Protocol Reason: the local endpoint delivers to sqs only, not {protocol}", requestId);
        }

        if (state.Queues.FindByArn(endpoint) is not { } queue)
        {
            return Invalid("Invalid parameter: SQS endpoint ARN", requestId);
        }

        if (queue.IsFifo != topic!.IsFifo)
        {
            return Invalid("Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can only be subscribed to FIFO SNS topics, and FIFO topics to FIFO queues", requestId);
        }

        var subscription = new SnsSubscription
        {
            Arn = $"{topic.Arn}:{Guid.NewGuid()}",
            TopicArn = topic.Arn,
            Protocol = protocol,
            Endpoint = endpoint,
            Owner = caller.AccountId,
            Token = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + Convert.ToHexString(Guid.NewGuid().ToByteArray()),
            RawMessageDelivery = MapValue(form, "Attributes", "RawMessageDelivery") == "true",
            Confirmed = caller.AccountId == queue.AccountId,
        };
        state.Subscriptions.Add(subscription);
        if (!subscription.Confirmed)
        {
            SubscriptionFanOut.Confirm(state, topic, subscription, queue);
        }

        bool returnArn = subscription.Confirmed || form.GetValueOrDefault("ReturnSubscriptionArn") == "true";
        return Result("Subscribe", returnArn ? subscription.Arn : "pending confirmation", requestId);
    }

    private static WireResponse Confirm(EndpointState state, Dictionary<string, string> form, string requestId)
    {
        if (FindTopic(state, form, requestId, out LocalTopic? topic) is { } missing)
        {
            return missing;
        }

        if (state.Subscriptions.FindPending(topic!.Arn, form.GetValueOrDefault("Token") ?? string.Empty) is not { } subscription)
        {
            return Invalid("Invalid token", requestId);
        }

        subscription.Confirmed = true;
        return Result("ConfirmSubscription", subscription.Arn, requestId);
    }

    private static WireResponse Unsubscribe(EndpointState state, Dictionary<string, string> form, KeyRecord? caller, string requestId)
    {
        SnsSubscription? subscription = state.Subscriptions.Find(form.GetValueOrDefault("SubscriptionArn"));
        if (subscription is null)
        {
            return AwsQueryXml.Error(404, Ns, "NotFound", "Subscription does not exist", requestId);
        }

        // Signed calls come from the subscriber or the topic owner; the UnsubscribeURL (caller null) is unauthenticated.
        if (caller is not null && caller.AccountId != subscription.Owner && !subscription.TopicArn.Contains($":{caller.AccountId}:", StringComparison.Ordinal))
        {
            return AwsQueryXml.Error(403, Ns, "AuthorizationError", $"User: {caller.CallerArn} is not authorized to perform: SNS:Unsubscribe on resource: {subscription.Arn}", requestId);
        }

        state.Subscriptions.Remove(subscription.Arn);
        return AwsQueryXml.Success("Unsubscribe", Ns, string.Empty, requestId);
    }

    private static WireResponse SetAttribute(EndpointState state, Dictionary<string, string> form, KeyRecord caller, string requestId)
    {
        SnsSubscription? subscription = state.Subscriptions.Find(form.GetValueOrDefault("SubscriptionArn"));
        if (subscription is null || caller.AccountId != subscription.Owner)
        {
            return AwsQueryXml.Error(404, Ns, "NotFound", "Subscription does not exist", requestId);
        }

        if (form.GetValueOrDefault("AttributeName") != "RawMessageDelivery")
        {
            return Invalid("Invalid parameter: AttributeName", requestId);
        }

        subscription.RawMessageDelivery = form.GetValueOrDefault("AttributeValue") == "true";
        return AwsQueryXml.Success("SetSubscriptionAttributes", Ns, string.Empty, requestId);
    }

    private static WireResponse List(EndpointState state, Dictionary<string, string> form, KeyRecord caller, string requestId)
    {
        if (FindTopic(state, form, requestId, out LocalTopic? topic) is { } missing)
        {
            return missing;
        }

        if (caller.AccountId != topic!.AccountId)
        {
            return AwsQueryXml.Error(403, Ns, "AuthorizationError", $"User: {caller.CallerArn} is not authorized to perform: SNS:ListSubscriptionsByTopic on resource: {topic.Arn}", requestId);
        }

        var members = new StringBuilder("    <Subscriptions>\n");
        foreach (SnsSubscription s in state.Subscriptions.OfTopic(topic.Arn))
        {
            members.Append("      <member><TopicArn>").Append(AwsQueryXml.Escape(s.TopicArn)).Append("</TopicArn><Protocol>").Append(s.Protocol)
                .Append("</Protocol><SubscriptionArn>").Append(s.Confirmed ? AwsQueryXml.Escape(s.Arn) : "PendingConfirmation")
                .Append("</SubscriptionArn><Owner>").Append(s.Owner).Append("</Owner><Endpoint>").Append(AwsQueryXml.Escape(s.Endpoint)).Append("</Endpoint></member>\n");
        }

        return AwsQueryXml.Success("ListSubscriptionsByTopic", Ns, members.Append("    </Subscriptions>\n").ToString(), requestId);
    }

    private static WireResponse? FindTopic(EndpointState state, Dictionary<string, string> form, string requestId, out LocalTopic? topic)
    {
        topic = state.Topics.GetValueOrDefault(form.GetValueOrDefault("TopicArn") ?? string.Empty);
        return topic is null ? AwsQueryXml.Error(404, Ns, "NotFound", "Topic does not exist", requestId) : null;
    }

    private static string? MapValue(Dictionary<string, string> form, string map, string key)
    {
        for (int n = 1; form.TryGetValue($"{map}.entry.{n}.key", out string? name); n++)
        {
            if (name == key)
            {
                return form.GetValueOrDefault($"{map}.entry.{n}.value");
            }
        }

        return null;
    }

    private static WireResponse Result(string action, string subscriptionArn, string requestId) =>
        AwsQueryXml.Success(action, Ns, $"    <SubscriptionArn>{AwsQueryXml.Escape(subscriptionArn)}</SubscriptionArn>\n", requestId);

    private static WireResponse Invalid(string message, string requestId) => AwsQueryXml.Error(400, Ns, "InvalidParameter", message, requestId);
}
