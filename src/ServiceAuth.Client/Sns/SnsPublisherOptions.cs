using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using ServiceAuth.Client.Credentials;

namespace ServiceAuth.Client.Sns;

/// <summary>
/// Options of the <see cref="ISnsPublisher{TMessage}"/> of one message type (named options keyed by the registration
/// name). Validated when the host starts; see docs/sns.md.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
public sealed class SnsPublisherOptions<TMessage>
{
    /// <summary>Gets or sets the ARN of the topic, for example <c>arn:aws:sns:eu-west-1:222233334444:orders</c>
    /// (a name ending in <c>.fifo</c> is a FIFO topic). Required.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? TopicArn { get; set; }

    /// <summary>Gets or sets the signing region; it must be the topic's region.</summary>
    /// <value>The default value is <see langword="null"/>: the region in <see cref="TopicArn"/>.</value>
    public string? Region { get; set; }

    /// <summary>Gets or sets the SNS endpoint, for VPC interface endpoints and tests.</summary>
    /// <value>The default value is <see langword="null"/>: <c>https://sns.&lt;region&gt;.amazonaws.com/</c>
    /// (<c>.amazonaws.com.cn</c> in the <c>aws-cn</c> partition).</value>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Gets or sets a value indicating whether a plain <c>http://</c> <see cref="ServiceUrl"/> that is not loopback is
    /// allowed (an emulator on a trusted network, an in-memory test endpoint).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Gets or sets the credentials to sign with, or the source credentials of <see cref="AssumeRole"/>.</summary>
    /// <value>The default value is <see langword="null"/>: AWSSDK.Core's default credential chain.</value>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>Gets or sets the role to assume before publishing, typically a publisher role in the topic's account.</summary>
    /// <value>The default value is <see langword="null"/>: publish with <see cref="Credentials"/>.</value>
    public AssumeRoleOptions? AssumeRole { get; set; }

    /// <summary>Gets or sets the source-generated type info that serializes <typeparamref name="TMessage"/> (AOT-safe), for
    /// example <c>AppJsonContext.Default.OrderPlaced</c>. Required unless <see cref="SerializerContext"/> is set or
    /// <typeparamref name="TMessage"/> is <see cref="string"/> (sent as is).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public JsonTypeInfo<TMessage>? JsonTypeInfo { get; set; }

    /// <summary>Gets or sets a source-generated context that knows <typeparamref name="TMessage"/>; used when
    /// <see cref="JsonTypeInfo"/> is not set.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public JsonSerializerContext? SerializerContext { get; set; }

    /// <summary>Gets or sets a value indicating whether the FIFO topic has content-based deduplication, so messages need no
    /// deduplication id. Only valid on FIFO topics.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ContentBasedDeduplication { get; set; }

    /// <summary>Gets or sets the topic's <c>MaximumMessageSize</c>: the largest message (body plus attribute names, types
    /// and values, in UTF-8 bytes), and the largest <c>PublishBatch</c> request. From 1,024 to 1,048,576 (topics raised to
    /// 1 MiB).</summary>
    /// <value>The default value is 262,144 (256 KiB).</value>
    public int MaxMessageBytes { get; set; } = 262_144;

    /// <summary>Gets or sets a value indicating whether the current trace context is sent as a <c>traceparent</c> String
    /// attribute (W3C). It is skipped, and logged once, when the message already has 10 attributes or no room is left.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool AddTraceContext { get; set; } = true;

    /// <summary>Gets or sets how many times entries of a batch that failed with a retryable code (throttling, internal
    /// errors) are sent again, with exponential backoff and full jitter. From 0 to 10.</summary>
    /// <value>The default value is 3.</value>
    public int MaxBatchRetries { get; set; } = 3;

    /// <summary>Gets or sets how many <c>PublishBatch</c> calls of one <c>PublishBatchAsync</c> run at once on a standard
    /// topic (FIFO topics always send one at a time, to keep order). From 1 to 64.</summary>
    /// <value>The default value is 4.</value>
    public int MaxConcurrentBatchRequests { get; set; } = 4;

    /// <inheritdoc />
    public override string ToString() =>
        $"SnsPublisherOptions<{typeof(TMessage).Name}> {{ TopicArn = {TopicArn}, Region = {Region}, ServiceUrl = {ServiceUrl}, AssumeRole = {AssumeRole?.RoleArn}, MaxMessageBytes = {MaxMessageBytes} }}";
}
