using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ServiceAuth.Client.Testing.Internal.Sns.Subscriptions;

/// <summary>
/// SNS's JSON envelope for non-raw deliveries, signed as SNS signs it: the string to sign is <c>name\nvalue\n</c> for
/// Message, MessageId, Subject (when present), Timestamp, TopicArn and Type of a Notification, and Message, MessageId,
/// SubscribeURL, Timestamp, Token, TopicArn and Type of a (Un)SubscriptionConfirmation, in that byte order. Written
/// independently of the verifier in ServiceAuth.Client on purpose: each side checks the other.
/// </summary>
internal static class EnvelopeWriter
{
    public static string Notification(EndpointState state, LocalTopic topic, SnsDelivery delivery, string message, string subscriptionArn)
    {
        var fields = new List<(string Name, string Value)>
        {
            ("Type", "Notification"),
            ("MessageId", delivery.MessageId),
        };
        if (delivery.SequenceNumber is not null)
        {
            fields.Add(("SequenceNumber", delivery.SequenceNumber));
        }

        fields.Add(("TopicArn", topic.Arn));
        if (delivery.Subject is not null)
        {
            fields.Add(("Subject", delivery.Subject));
        }

        fields.Add(("Message", message));
        fields.Add(("Timestamp", Timestamp(delivery.Timestamp)));
        string[] signed = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"];
        string unsubscribe = new Uri(state.BaseAddress, $"?Action=Unsubscribe&SubscriptionArn={Uri.EscapeDataString(subscriptionArn)}").ToString();
        return Write(state, topic.SignatureVersion, fields, signed, ("UnsubscribeURL", unsubscribe), delivery.MessageStructure == "json" ? null : delivery.MessageAttributes);
    }

    public static string Confirmation(EndpointState state, LocalTopic topic, SnsSubscription subscription)
    {
        string subscribeUrl = new Uri(state.BaseAddress, $"?Action=ConfirmSubscription&TopicArn={Uri.EscapeDataString(topic.Arn)}&Token={subscription.Token}").ToString();
        var fields = new List<(string Name, string Value)>
        {
            ("Type", "SubscriptionConfirmation"),
            ("MessageId", Guid.NewGuid().ToString()),
            ("Token", subscription.Token),
            ("TopicArn", topic.Arn),
            ("Message", $"You have chosen to subscribe to the topic {topic.Arn}.\nTo confirm the subscription, visit the SubscribeURL included in this message."),
            ("SubscribeURL", subscribeUrl),
            ("Timestamp", Timestamp(state.Now)),
        };
        string[] signed = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];
        return Write(state, topic.SignatureVersion, fields, signed, null, null);
    }

    private static string Write(EndpointState state, int version, List<(string Name, string Value)> fields, string[] signed, (string Name, string Value)? after, IReadOnlyDictionary<string, DeliveredAttributeValue>? attributes)
    {
        var toSign = new StringBuilder();
        foreach (string name in signed)
        {
            if (fields.FirstOrDefault(f => f.Name == name) is { Name: not null } field)
            {
                toSign.Append(name).Append('\n').Append(field.Value).Append('\n');
            }
        }

        EnvelopeSigner signer = state.Subscriptions.Signer;
        fields.Add(("SignatureVersion", version.ToString(CultureInfo.InvariantCulture)));
        fields.Add(("Signature", signer.Sign(toSign.ToString(), version)));
        fields.Add(("SigningCertURL", new Uri(state.BaseAddress, EnvelopeSigner.Path.TrimStart('/')).ToString()));
        if (after is { } extra)
        {
            fields.Add(extra);
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach ((string name, string value) in fields)
            {
                writer.WriteString(name, value);
            }

            WriteAttributes(writer, attributes);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteAttributes(Utf8JsonWriter writer, IReadOnlyDictionary<string, DeliveredAttributeValue>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("MessageAttributes");
        foreach ((string name, DeliveredAttributeValue value) in attributes)
        {
            writer.WriteStartObject(name);
            writer.WriteString("Type", value.DataType);
            writer.WriteString("Value", value.DataType.StartsWith("Binary", StringComparison.Ordinal) ? Convert.ToBase64String(value.BinaryValue.Span) : value.StringValue);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
