using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ServiceAuth.Client.SnsMessages;

/// <summary>An SNS envelope whose signature, certificate, topic, time and uniqueness were verified.</summary>
public sealed class VerifiedSnsMessage
{
    internal VerifiedSnsMessage()
    {
    }

    /// <summary>Gets the envelope type.</summary>
    public required SnsMessageType Type { get; init; }

    /// <summary>Gets the message id (unique per message; accepted once within the window).</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets the topic ARN, one of the allowed ones.</summary>
    public required string TopicArn { get; init; }

    /// <summary>Gets the subject of a notification, if it has one.</summary>
    public string? Subject { get; init; }

    /// <summary>Gets the message body (for a confirmation, SNS's explanatory text).</summary>
    public required string Message { get; init; }

    /// <summary>Gets the time SNS gives for the message.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the signature version the envelope was signed with: 1 (SHA1withRSA) or 2 (SHA256withRSA).</summary>
    public required int SignatureVersion { get; init; }

    /// <summary>Gets the FIFO sequence number, if any (not covered by the signature, as SNS signs).</summary>
    public string? SequenceNumber { get; init; }

    /// <summary>Gets the URL that confirms a subscription (SubscriptionConfirmation only); checked to be on an SNS host.</summary>
    public Uri? SubscribeUrl { get; init; }

    /// <summary>Gets the confirmation token (SubscriptionConfirmation and UnsubscribeConfirmation).</summary>
    public string? Token { get; init; }

    /// <summary>Gets the message attributes (not covered by the signature, as SNS signs); empty when there are none.</summary>
    public required IReadOnlyDictionary<string, SnsEnvelopeAttributeValue> MessageAttributes { get; init; }

    /// <summary>Reads <see cref="Message"/> as JSON into <typeparamref name="T"/> with source-generated metadata.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="typeInfo">The metadata, for example <c>MyJsonContext.Default.OrderPlaced</c>.</param>
    /// <returns>The message, or <see langword="null"/> for JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The message is not JSON of that shape.</exception>
    public T? ReadMessage<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return JsonSerializer.Deserialize(Message, typeInfo);
    }
}
