using System.Text;
using System.Text.Json;
using ServiceAuth.Client.Testing.Internal.Identity;
using ServiceAuth.Client.Testing.Internal.Policy;
using ServiceAuth.Client.Testing.Internal.Protocol;

namespace ServiceAuth.Client.Testing.Internal.EventBridge;

/// <summary>
/// EventBridge <c>PutEvents</c> (awsJson 1.1, <c>X-Amz-Target: AWSEvents.PutEvents</c>) on the endpoint's buses. Request
/// errors are HTTP 400 JSON errors (<c>ValidationException</c>, <c>AccessDeniedException</c> when a bus's resource policy
/// does not name the caller, <c>SerializationException</c>); entry errors go in the answer's <c>Entries</c> with
/// <c>FailedEntryCount</c>. An event for a bus of the caller's account that does not exist gets an <c>EventId</c> and is
/// dropped, as EventBridge does (aws/aws-sdk#186); another account's bus that does not exist has no policy to allow the
/// caller, so the request is refused with <c>AccessDeniedException</c>.
/// </summary>
internal static class EventBridgeHandler
{
    public const string TargetPrefix = "AWSEvents.";

    public static WireResponse Handle(EndpointState state, WireRequest request, KeyRecord caller, string signingRegion)
    {
        string target = request.Get("X-Amz-Target") ?? string.Empty;
        if (target != TargetPrefix + "PutEvents")
        {
            return AwsJson.Error(400, "UnknownOperationException", string.Empty);
        }

        List<PutEventsEntry>? entries;
        try
        {
            entries = PutEventsReader.Read(request.Body);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return AwsJson.Error(400, "SerializationException", "Start of structure or map found where not expected.");
        }

        if (ShapeError(entries, state.Options.EventBridgeMaxRequestBytes) is { } shape)
        {
            return AwsJson.Error(400, "ValidationException", shape);
        }

        string[] arns = [.. entries!.Select(e => BusArn(e.EventBusName, caller, signingRegion))];
        var buses = arns.Select(a => state.EventBuses.GetValueOrDefault(a)).ToList();

        // The endpoint a request is signed for serves the buses of that region only.
        if (arns.Any(a => a.Split(':') is { Length: >= 6 } parts && parts[3] != signingRegion))
        {
            return AwsJson.Error(400, "ValidationException", "Cross-region API call is not allowed.");
        }

        // Another account's bus needs its resource policy to name the caller; a bus that does not exist has no policy.
        for (int i = 0; i < arns.Length; i++)
        {
            PolicyDocument? policy = buses[i] is { } b ? state.Policies.ResourcePolicy(b.Arn, $"the resource-based policy of {b.Arn}", b.AllowedPublishers, "events:PutEvents") : null;
            AccessDecision decision = AccessCheck.Evaluate(state, caller, request, "events:PutEvents", arns[i], AccessCheck.AccountOf(arns[i]) ?? string.Empty, policy);
            if (!decision.IsAllowed)
            {
                WireResponse denied = AwsJson.Error(400, "AccessDeniedException",
                    $"User: {caller.CallerArn} is not authorized to perform: events:PutEvents on resource: {arns[i]}{decision.MessageSuffix("events:PutEvents")}");
                denied.Denial = decision.Explanation;
                return denied;
            }
        }

        using var stream = new MemoryStream();
        int failed = 0;
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Entries");
            for (int i = 0; i < entries!.Count; i++)
            {
                (string Code, string Message)? error = EventBridgeValidation.Check(entries[i]);
                if (error is null && state.Faults.TakePublishFailure(null) is { } code)
                {
                    error = (code, code == "ThrottlingException" ? "Rate exceeded." : "An internal error occurred.");
                }

                writer.WriteStartObject();
                if (error is { } e)
                {
                    failed++;
                    writer.WriteString("ErrorCode", e.Code);
                    writer.WriteString("ErrorMessage", e.Message);
                }
                else
                {
                    // EventBridge answers an event for a bus that does not exist with an EventId and drops it.
                    writer.WriteString("EventId", buses[i] is { } bus ? Deliver(bus, entries[i], caller, state.Now) : Guid.NewGuid().ToString());
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("FailedEntryCount", failed);
            writer.WriteEndObject();
        }

        return AwsJson.Success(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string? ShapeError(List<PutEventsEntry>? entries, int maxBytes) => entries switch
    {
        null => "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null",
        { Count: 0 } => "1 validation error detected: Value '[]' at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
        { Count: > 10 } => "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10",
        _ when entries.Sum(e => (long)e.Size) > maxBytes => "Total size of the entries in the request is over the limit.",
        _ => null,
    };

    private static string BusArn(string? nameOrArn, KeyRecord caller, string region) =>
        nameOrArn is { } value && value.StartsWith("arn:", StringComparison.Ordinal)
            ? value
            : $"arn:aws:events:{region}:{caller.AccountId}:event-bus/{(string.IsNullOrEmpty(nameOrArn) ? "default" : nameOrArn)}";

    private static string Deliver(LocalEventBus bus, PutEventsEntry entry, KeyRecord caller, DateTimeOffset now)
    {
        var delivery = new EventBridgeDelivery
        {
            EventBusArn = bus.Arn,
            EventId = Guid.NewGuid().ToString(),
            Source = entry.Source!,
            DetailType = entry.DetailType!,
            Detail = entry.Detail!,
            Resources = entry.Resources ?? [],
            Time = entry.Time ?? now,
            TraceHeader = entry.TraceHeader,
            PublisherArn = caller.CallerArn,
            ReceivedAt = now,
        };
        bus.Accept(delivery);
        return delivery.EventId;
    }
}
