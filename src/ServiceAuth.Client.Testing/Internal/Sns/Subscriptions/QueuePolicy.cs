using System.Text.Json;

namespace ServiceAuth.Client.Testing.Internal.Sns.Subscriptions;

/// <summary>
/// Reads an SQS queue policy for one question: may SNS (<c>sns.amazonaws.com</c>) send a topic's messages to this queue?
/// An Allow statement must name the service principal (or <c>*</c>), <c>sqs:SendMessage</c> (or <c>sqs:*</c>/<c>*</c>),
/// the queue (or <c>*</c>), and, when it has conditions, only <c>aws:SourceArn</c> under ArnEquals/ArnLike/StringEquals/
/// StringLike matching the topic; a matching Deny wins; no policy, or an unreadable one, allows nothing. Not a policy
/// engine: the lead rewires <see cref="SubscriptionAccess.MaySendToQueue"/> to the shared evaluator.
/// </summary>
internal static class QueuePolicy
{
    public static bool AllowsSns(string? policy, string queueArn, string topicArn)
    {
        if (string.IsNullOrWhiteSpace(policy))
        {
            return false;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(policy);
            bool allowed = false;
            foreach (JsonElement statement in Many(document.RootElement, "Statement"))
            {
                if (!Matches(statement, queueArn, topicArn))
                {
                    continue;
                }

                if (Text(statement, "Effect") == "Deny")
                {
                    return false;
                }

                allowed |= Text(statement, "Effect") == "Allow";
            }

            return allowed;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool Matches(JsonElement statement, string queueArn, string topicArn)
    {
        bool principal = statement.TryGetProperty("Principal", out JsonElement p) && (p.ValueKind == JsonValueKind.String
            ? p.GetString() == "*"
            : Many(p, "Service").Any(s => s.GetString() == "sns.amazonaws.com") || Many(p, "AWS").Any(s => s.GetString() == "*"));
        bool action = Many(statement, "Action").Any(a => a.GetString() is { } x && (x == "*" || x.Equals("sqs:*", StringComparison.OrdinalIgnoreCase) || x.Equals("sqs:SendMessage", StringComparison.OrdinalIgnoreCase)));
        bool resource = !statement.TryGetProperty("Resource", out _) || Many(statement, "Resource").Any(r => r.GetString() is "*" || r.GetString() == queueArn);
        return principal && action && resource && ConditionHolds(statement, topicArn);
    }

    private static bool ConditionHolds(JsonElement statement, string topicArn)
    {
        if (!statement.TryGetProperty("Condition", out JsonElement condition))
        {
            return true;
        }

        foreach (JsonProperty op in condition.EnumerateObject())
        {
            bool like = op.Name is "ArnLike" or "StringLike";
            if (!like && op.Name is not ("ArnEquals" or "StringEquals"))
            {
                return false;
            }

            foreach (JsonProperty key in op.Value.EnumerateObject())
            {
                if (!key.Name.Equals("aws:SourceArn", StringComparison.OrdinalIgnoreCase)
                    || !Values(key.Value).Any(v => like ? Wildcard.Matches(v, topicArn) : v == topicArn))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static List<JsonElement> Many(JsonElement element, string name) =>
        element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out JsonElement value) ? [] : Items(value);

    private static List<JsonElement> Items(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [value];

    private static IEnumerable<string> Values(JsonElement value) => Items(value).Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : string.Empty);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
