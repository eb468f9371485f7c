using System.Globalization;
using System.Text.Json;
using ServiceAuth.Client.Testing.Internal.Identity;

namespace ServiceAuth.Client.Testing.Internal.Sqs;

/// <summary>
/// SQS in awsJson 1.0 as AWSSDK.SQS 4.x speaks it (<c>X-Amz-Target: AmazonSQS.&lt;Operation&gt;</c>): queue management here,
/// messages in <see cref="SqsMessageHandler"/>. Only the queue's own account may call it (no cross-account SQS API access).
/// </summary>
internal static class SqsHandler
{
    public const string TargetPrefix = "AmazonSQS.";

    public static bool Handles(WireRequest request) =>
        request.Get("X-Amz-Target")?.StartsWith(TargetPrefix, StringComparison.Ordinal) == true;

    public static WireResponse Handle(EndpointState state, WireRequest request, KeyRecord caller)
    {
        string operation = request.Get("X-Amz-Target")![TargetPrefix.Length..];
        JsonElement body;
        try
        {
            using JsonDocument document = JsonDocument.Parse(request.Body.Length == 0 ? "{}"u8.ToArray() : request.Body);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return SqsJson.Error("InvalidParameterValueException", "The request body is not valid JSON.", "InvalidParameterValue");
        }

        if (operation is "CreateQueue")
        {
            return CreateQueue(state, body, caller);
        }

        if (operation is "GetQueueUrl")
        {
            string? owner = Text(body, "QueueOwnerAWSAccountId") ?? caller.AccountId;
            SqsQueue? named = state.Queues.Find(owner, Text(body, "QueueName") ?? string.Empty);
            return named is null || named.AccountId != caller.AccountId ? SqsJson.NoQueue() : SqsJson.Success(w => w.WriteString("QueueUrl", named.Url));
        }

        SqsQueue? queue = state.Queues.FindByUrl(Text(body, "QueueUrl"));
        if (queue is null)
        {
            return Text(body, "QueueUrl") is null ? SqsJson.MissingParameter("QueueUrl") : SqsJson.NoQueue();
        }

        if (queue.AccountId != caller.AccountId)
        {
            return SqsJson.Error("AccessDeniedException", $"User: {caller.CallerArn} is not authorized to perform: sqs:{operation} on resource: {queue.Arn}", "AccessDenied", 403);
        }

        return operation switch
        {
            "GetQueueAttributes" => GetAttributes(queue, body),
            "SetQueueAttributes" => SetAttributes(queue, body),
            "DeleteQueue" => Delete(state, queue),
            "SendMessage" => SqsMessageHandler.Send(state, queue, body, caller),
            "ReceiveMessage" => SqsMessageHandler.Receive(state, queue, body),
            "DeleteMessage" => SqsMessageHandler.Delete(queue, body),
            _ => SqsJson.Error("UnsupportedOperation", $"The endpoint does not implement {operation}.", "AWS.SimpleQueueService.UnsupportedOperation"),
        };
    }

    internal static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static WireResponse CreateQueue(EndpointState state, JsonElement body, KeyRecord caller)
    {
        string? name = Text(body, "QueueName");
        if (string.IsNullOrEmpty(name))
        {
            return SqsJson.MissingParameter("QueueName");
        }

        Dictionary<string, string> attributes = Attributes(body);
        bool fifo = attributes.GetValueOrDefault("FifoQueue") == "true";
        string bare = name.EndsWith(".fifo", StringComparison.Ordinal) ? name[..^5] : name;
        if (name.Length > 80 || bare.Length == 0 || !bare.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || fifo != name.EndsWith(".fifo", StringComparison.Ordinal))
        {
            return SqsJson.InvalidParameter("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length; a FIFO queue's name ends in .fifo and only it does.");
        }

        SqsQueue queue = state.Queues.GetOrAdd(new SqsQueue(state.Options.Region, caller.AccountId, name, state.BaseAddress));
        return Apply(queue, attributes) ?? SqsJson.Success(w => w.WriteString("QueueUrl", queue.Url));
    }

    private static WireResponse GetAttributes(SqsQueue queue, JsonElement body)
    {
        var all = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["QueueArn"] = queue.Arn,
            ["ApproximateNumberOfMessages"] = queue.Count.ToString(CultureInfo.InvariantCulture),
            ["VisibilityTimeout"] = ((int)queue.VisibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["Policy"] = queue.Policy,
            ["FifoQueue"] = queue.IsFifo ? "true" : null,
            ["ContentBasedDeduplication"] = queue.IsFifo ? (queue.ContentBasedDeduplication ? "true" : "false") : null,
        };
        HashSet<string> names = body.TryGetProperty("AttributeNames", out JsonElement list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(e => e.GetString() ?? string.Empty)]
            : [];
        return SqsJson.Success(w =>
        {
            w.WriteStartObject("Attributes");
            foreach ((string name, string? value) in all)
            {
                if (value is not null && (names.Contains("All") || names.Contains(name)))
                {
                    w.WriteString(name, value);
                }
            }

            w.WriteEndObject();
        });
    }

    private static WireResponse SetAttributes(SqsQueue queue, JsonElement body) => Apply(queue, Attributes(body)) ?? SqsJson.Empty();

    private static WireResponse Delete(EndpointState state, SqsQueue queue)
    {
        state.Queues.Remove(queue);
        return SqsJson.Empty();
    }

    private static WireResponse? Apply(SqsQueue queue, Dictionary<string, string> attributes)
    {
        foreach ((string name, string value) in attributes)
        {
            switch (name)
            {
                case "Policy":
                    queue.Policy = value.Length == 0 ? null : value;
                    break;
                case "VisibilityTimeout" when int.TryParse(value, CultureInfo.InvariantCulture, out int seconds) && seconds is >= 0 and <= 43_200:
                    queue.VisibilityTimeout = TimeSpan.FromSeconds(seconds);
                    break;
                case "ContentBasedDeduplication" when queue.IsFifo:
                    queue.ContentBasedDeduplication = value == "true";
                    break;
                case "FifoQueue" or "DelaySeconds" or "MessageRetentionPeriod" or "ReceiveMessageWaitTimeSeconds" or "MaximumMessageSize":
                    break;
                default:
                    return SqsJson.Error("InvalidAttributeName", $"Unknown Attribute {name}.", "InvalidAttributeName");
            }
        }

        return null;
    }

    private static Dictionary<string, string> Attributes(JsonElement body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.TryGetProperty("Attributes", out JsonElement map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in map.EnumerateObject())
            {
                result[property.Name] = property.Value.GetString() ?? string.Empty;
            }
        }

        return result;
    }
}
