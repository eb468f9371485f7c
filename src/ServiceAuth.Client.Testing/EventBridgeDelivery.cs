using System.Globalization;
using System.Text.Json;

namespace ServiceAuth.Client.Testing;

/// <summary>An event a <see cref="LocalEventBus"/> accepted.</summary>
public sealed class EventBridgeDelivery
{
    internal EventBridgeDelivery()
    {
    }

    /// <summary>Gets the ARN of the bus.</summary>
    public required string EventBusArn { get; init; }

    /// <summary>Gets the event id returned to the publisher.</summary>
    public required string EventId { get; init; }

    /// <summary>Gets the source.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the detail type.</summary>
    public required string DetailType { get; init; }

    /// <summary>Gets the detail: a JSON object, as text.</summary>
    public required string Detail { get; init; }

    /// <summary>Gets the resources (empty when none were sent).</summary>
    public required IReadOnlyList<string> Resources { get; init; }

    /// <summary>Gets the event time: the <c>Time</c> sent, or the time the endpoint accepted the event.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Gets the X-Ray trace header, if one was sent.</summary>
    public string? TraceHeader { get; init; }

    /// <summary>Gets the ARN of the publisher (a user ARN or an assumed-role session ARN).</summary>
    public required string PublisherArn { get; init; }

    /// <summary>Gets the time the endpoint accepted the event.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Deserializes the detail with a source-generated type info.</summary>
    /// <typeparam name="T">The detail type.</typeparam>
    /// <param name="typeInfo">The type info, for example <c>AppJsonContext.Default.OrderPlaced</c>.</param>
    /// <returns>The detail.</returns>
    public T? DetailAs<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) => JsonSerializer.Deserialize(Detail, typeInfo);

    /// <summary>The event as EventBridge delivers it to targets: <c>version</c>, <c>id</c>, <c>detail-type</c>,
    /// <c>source</c>, <c>account</c>, <c>time</c>, <c>region</c>, <c>resources</c>, <c>detail</c>.</summary>
    /// <returns>The event JSON.</returns>
    public string ToEventJson()
    {
        string[] arn = EventBusArn.Split(':');
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("version", "0");
            writer.WriteString("id", EventId);
            writer.WriteString("detail-type", DetailType);
            writer.WriteString("source", Source);
            writer.WriteString("account", arn[4]);
            writer.WriteString("time", Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("region", arn[3]);
            writer.WriteStartArray("resources");
            foreach (string resource in Resources)
            {
                writer.WriteStringValue(resource);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("detail");
            writer.WriteRawValue(Detail);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
