using System.Globalization;
using System.Text;
using ServiceAuth.Client.Testing.Internal.Identity;
using ServiceAuth.Client.Testing.Internal.Policy;
using ServiceAuth.Client.Testing.Internal.Protocol;

namespace ServiceAuth.Client.Testing.Internal.Sns;

/// <summary>SNS <c>Publish</c> and <c>PublishBatch</c> on the endpoint's in-memory topics.</summary>
internal static class SnsHandler
{
    private const string Ns = AwsQueryXml.SnsNamespace;
    private const string BatchPrefix = "PublishBatchRequestEntries.member.";

    public static WireResponse Publish(EndpointState state, Dictionary<string, string> form, KeyRecord caller, string requestId)
    {
        (LocalTopic? topic, WireResponse? error) = FindTopic(state, form, caller, requestId);
        if (topic is null)
        {
            return error!;
        }

        SnsEntry entry = SnsEntryReader.Read(form, string.Empty);
        if (SnsValidation.CheckMessage(entry, topic) is { } invalid)
        {
            return AwsQueryXml.Error(400, Ns, invalid.Code, invalid.Message, requestId);
        }

        if (state.Faults.TakePublishFailure(null) is { } code)
        {
            (int status, string message, _) = SnsPublisher.Describe(code);
            return AwsQueryXml.Error(status, Ns, code, message, requestId);
        }

        SnsDelivery delivery = SnsPublisher.Deliver(topic, entry, caller, state.Now);
        var result = new StringBuilder().Append("    <MessageId>").Append(delivery.MessageId).Append("</MessageId>\n");
        if (delivery.SequenceNumber is not null)
        {
            result.Append("    <SequenceNumber>").Append(delivery.SequenceNumber).Append("</SequenceNumber>\n");
        }

        return AwsQueryXml.Success("Publish", Ns, result.ToString(), requestId);
    }

    public static WireResponse PublishBatch(EndpointState state, Dictionary<string, string> form, KeyRecord caller, string requestId)
    {
        (LocalTopic? topic, WireResponse? error) = FindTopic(state, form, caller, requestId);
        if (topic is null)
        {
            return error!;
        }

        int count = 0;
        while (form.Keys.Any(k => k.StartsWith($"{BatchPrefix}{count + 1}.", StringComparison.Ordinal)))
        {
            count++;
        }

        List<SnsEntry> entries = [.. Enumerable.Range(1, count).Select(n => SnsEntryReader.Read(form, $"{BatchPrefix}{n}."))];
        if (BatchShapeError(entries) is { } shape)
        {
            return AwsQueryXml.Error(400, Ns, shape.Code, shape.Message, requestId);
        }

        var successful = new StringBuilder();
        var failed = new StringBuilder();
        foreach (SnsEntry entry in entries)
        {
            string id = AwsQueryXml.Escape(entry.Id!);
            if (SnsValidation.CheckMessage(entry, topic) is { } invalid)
            {
                failed.Append(CultureInfo.InvariantCulture, $"      <member><Id>{id}</Id><Code>{invalid.Code}</Code><Message>{AwsQueryXml.Escape(invalid.Message)}</Message><SenderFault>true</SenderFault></member>\n");
            }
            else if (state.Faults.TakePublishFailure(entry.Id) is { } code)
            {
                (_, string message, bool sender) = SnsPublisher.Describe(code);
                failed.Append(CultureInfo.InvariantCulture, $"      <member><Id>{id}</Id><Code>{AwsQueryXml.Escape(code)}</Code><Message>{AwsQueryXml.Escape(message)}</Message><SenderFault>{(sender ? "true" : "false")}</SenderFault></member>\n");
            }
            else
            {
                SnsDelivery delivery = SnsPublisher.Deliver(topic, entry, caller, state.Now);
                string sequence = delivery.SequenceNumber is null ? string.Empty : $"<SequenceNumber>{delivery.SequenceNumber}</SequenceNumber>";
                successful.Append(CultureInfo.InvariantCulture, $"      <member><Id>{id}</Id><MessageId>{delivery.MessageId}</MessageId>{sequence}</member>\n");
            }
        }

        string result = List("Successful", successful) + List("Failed", failed);
        return AwsQueryXml.Success("PublishBatch", Ns, result, requestId);
    }

    private static string List(string name, StringBuilder members) =>
        members.Length == 0 ? $"    <{name}/>\n" : $"    <{name}>\n{members}    </{name}>\n";

    private static (string Code, string Message)? BatchShapeError(List<SnsEntry> entries)
    {
        if (entries.Count == 0)
        {
            return ("EmptyBatchRequest", "The batch request doesn't contain any entries.");
        }

        if (entries.Count > 10)
        {
            return ("TooManyEntriesInBatchRequest", "The batch request contains more entries than permissible.");
        }

        if (entries.Any(e => !SnsValidation.IsValidBatchId(e.Id)))
        {
            return ("InvalidBatchEntryId", "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");
        }

        if (entries.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count() != entries.Count)
        {
            return ("BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.");
        }

        if (entries.Sum(e => e.Size) > SnsValidation.MaxMessageBytes)
        {
            return ("BatchRequestTooLong", "The length of all the messages put together is more than the limit.");
        }

        return null;
    }

    private static (LocalTopic?, WireResponse?) FindTopic(EndpointState state, Dictionary<string, string> form, KeyRecord caller, string requestId)
    {
        string? arn = form.GetValueOrDefault("TopicArn") ?? form.GetValueOrDefault("TargetArn");
        if (string.IsNullOrEmpty(arn))
        {
            return (null, AwsQueryXml.Error(400, Ns, "InvalidParameter", "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter", requestId));
        }

        if (!state.Topics.TryGetValue(arn, out LocalTopic? topic))
        {
            return (null, AwsQueryXml.Error(404, Ns, "NotFound", "Topic does not exist", requestId));
        }

        PolicyDocument? policy = state.Policies.ResourcePolicy(arn, $"the topic policy of {arn}", topic.AllowedPublishers, "SNS:Publish");
        AccessDecision decision = AccessCheck.Evaluate(state, caller, null, "sns:Publish", arn, AccessCheck.AccountOf(arn) ?? string.Empty, policy);
        if (!decision.IsAllowed)
        {
            WireResponse denied = AwsQueryXml.Error(403, Ns, "AuthorizationError", $"User: {caller.CallerArn} is not authorized to perform: SNS:Publish on resource: {arn}{decision.MessageSuffix("SNS:Publish")}", requestId);
            denied.Denial = decision.Explanation;
            return (null, denied);
        }

        return (topic, null);
    }
}
