using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using ServiceAuth.Client.Credentials;

namespace ServiceAuth.Client.EventBridge;

/// <summary>
/// Options of the <see cref="IEventBridgePublisher{TEvent}"/> of one event type (named options keyed by the registration
/// name). Validated when the host starts; see docs/eventbridge.md.
/// </summary>
/// <typeparam name="TEvent">The type of the event detail.</typeparam>
public sealed class EventBridgePublisherOptions<TEvent>
{
    /// <summary>Gets or sets the event bus: a name (<c>orders</c>, <c>default</c>) on the signing account, or a bus ARN
    /// (<c>arn:aws:events:eu-west-1:222233334444:event-bus/orders</c>), required for another account's bus. Required.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? EventBusName { get; set; }

    /// <summary>Gets or sets the signing region. Required when <see cref="EventBusName"/> is a name; with an ARN it must be
    /// the ARN's region.</summary>
    /// <value>The default value is <see langword="null"/>: the region in the bus ARN.</value>
    public string? Region { get; set; }

    /// <summary>Gets or sets the EventBridge endpoint, for VPC interface endpoints and tests.</summary>
    /// <value>The default value is <see langword="null"/>: <c>https://events.&lt;region&gt;.amazonaws.com/</c>
    /// (<c>.amazonaws.com.cn</c> in the <c>aws-cn</c> partition).</value>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Gets or sets a value indicating whether a plain <c>http://</c> <see cref="ServiceUrl"/> that is not loopback
    /// is allowed (an emulator on a trusted network, an in-memory test endpoint).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Gets or sets the credentials to sign with, or the source credentials of <see cref="AssumeRole"/>.</summary>
    /// <value>The default value is <see langword="null"/>: AWSSDK.Core's default credential chain.</value>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>Gets or sets the role to assume before publishing, typically a publisher role in the bus's account (the
    /// same assume-role cache as SNS publishers and signed clients).</summary>
    /// <value>The default value is <see langword="null"/>: publish with <see cref="Credentials"/>.</value>
    public AssumeRoleOptions? AssumeRole { get; set; }

    /// <summary>Gets or sets the <c>Source</c> of every event (1 to 256 characters, not starting with <c>aws.</c>), for
    /// example <c>com.example.orders</c>. Required; an <see cref="EventBridgeEvent{TEvent}"/> may override it.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Source { get; set; }

    /// <summary>Gets or sets the <c>DetailType</c> of every event (1 to 128 characters), for example <c>OrderPlaced</c>.</summary>
    /// <value>The default value is <see langword="null"/>: the name of <typeparamref name="TEvent"/> (or required when it
    /// is <see cref="string"/>).</value>
    public string? DetailType { get; set; }

    /// <summary>Gets the ARNs of the resources every event concerns (at most 100); an event may override them.</summary>
    /// <value>The default value is an empty list: no <c>Resources</c> field.</value>
    public IList<string> Resources { get; } = [];

    /// <summary>Gets or sets the source-generated type info that serializes <typeparamref name="TEvent"/> to the
    /// <c>Detail</c> JSON object (AOT-safe), for example <c>AppJsonContext.Default.OrderPlaced</c>. Required unless
    /// <see cref="SerializerContext"/> is set or <typeparamref name="TEvent"/> is <see cref="string"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public JsonTypeInfo<TEvent>? JsonTypeInfo { get; set; }

    /// <summary>Gets or sets a source-generated context that knows <typeparamref name="TEvent"/>; used when
    /// <see cref="JsonTypeInfo"/> is not set.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public JsonSerializerContext? SerializerContext { get; set; }

    /// <summary>Gets or sets a value indicating whether the current W3C <c>Activity</c> is sent as the entry's X-Ray
    /// <c>TraceHeader</c> (<c>Root=1-…;Parent=…;Sampled=…</c>) when the event has none.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool AddTraceHeader { get; set; } = true;

    /// <summary>Gets or sets the largest <c>PutEvents</c> request by AWS's entry-size formula (the sum of the entries'
    /// sizes; see docs/eventbridge.md), and so the largest single event. From 1,024 to 1,048,576: AWS raised the limit
    /// from 256 KiB to 1 MiB for every event bus on 29 January 2026; lower it (262,144) for a bus in a partition or
    /// region that has not been raised, or to keep events small.</summary>
    /// <value>The default value is 1,048,576 (1 MiB), the PutEvents limit since January 2026.</value>
    public int MaxRequestBytes { get; set; } = 1_048_576;

    /// <summary>Gets or sets how many times entries that failed with a retryable code (<c>ThrottlingException</c>,
    /// <c>InternalFailure</c>) are sent again, with exponential backoff and full jitter. From 0 to 10.</summary>
    /// <value>The default value is 3.</value>
    public int MaxBatchRetries { get; set; } = 3;

    /// <summary>Gets or sets how many <c>PutEvents</c> requests of one <c>PublishBatchAsync</c> run at once. From 1 to 64.</summary>
    /// <value>The default value is 4.</value>
    public int MaxConcurrentBatchRequests { get; set; } = 4;

    /// <inheritdoc />
    public override string ToString() =>
        $"EventBridgePublisherOptions<{typeof(TEvent).Name}> {{ EventBusName = {EventBusName}, Region = {Region}, ServiceUrl = {ServiceUrl}, AssumeRole = {AssumeRole?.RoleArn}, Source = {Source}, DetailType = {DetailType}, MaxRequestBytes = {MaxRequestBytes} }}";
}
