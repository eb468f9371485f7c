using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>What a publisher needs of its (validated) options, resolved once.</summary>
internal sealed class SnsPublisherSettings<TMessage>
{
    private readonly JsonTypeInfo<TMessage>? _typeInfo;

    public SnsPublisherSettings(SnsPublisherOptions<TMessage> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Topic = SnsTopicArn.TryParse(options.TopicArn, out string problem)
            ?? throw new ServiceAuthException($"SNS publisher of {typeof(TMessage).Name}: TopicArn '{options.TopicArn}' is not valid: {problem}.");
        _typeInfo = ResolveTypeInfo(options);
        ContentBasedDeduplication = options.ContentBasedDeduplication;
        MaxMessageBytes = options.MaxMessageBytes;
        AddTraceContext = options.AddTraceContext;
        MaxBatchRetries = options.MaxBatchRetries;
        MaxConcurrentBatchRequests = Topic.IsFifo ? 1 : options.MaxConcurrentBatchRequests;
        Uri serviceUrl = options.ServiceUrl ?? Topic.DefaultServiceUrl;
        ServerAddress = serviceUrl.Host;
        ServerPort = serviceUrl.Port;
    }

    public SnsTopicArn Topic { get; }

    /// <summary>The host publishes go to: <see cref="SnsPublisherOptions{TMessage}.ServiceUrl"/>'s, else the topic region's.</summary>
    public string ServerAddress { get; }

    /// <summary>The port publishes go to (443 unless <c>ServiceUrl</c> names another).</summary>
    public int ServerPort { get; }

    public bool ContentBasedDeduplication { get; init; }

    public int MaxMessageBytes { get; init; }

    public bool AddTraceContext { get; init; }

    public int MaxBatchRetries { get; init; }

    public int MaxConcurrentBatchRequests { get; init; }

    public static bool IsRaw => typeof(TMessage) == typeof(string);

    public static JsonTypeInfo<TMessage>? ResolveTypeInfo(SnsPublisherOptions<TMessage> options) =>
        options.JsonTypeInfo ?? options.SerializerContext?.GetTypeInfo(typeof(TMessage)) as JsonTypeInfo<TMessage>;

    /// <summary>The body as UTF-8: the string itself for a raw publisher (<see langword="null"/> when it has a lone
    /// surrogate), else the JSON serialization.</summary>
    public byte[]? Serialize(TMessage message)
    {
        if (message is string text)
        {
            return SnsText.ToUtf8(text);
        }

        return JsonSerializer.SerializeToUtf8Bytes(message, _typeInfo ?? throw new ServiceAuthException(
            $"SNS publisher of {typeof(TMessage).Name}: set JsonTypeInfo (for example AppJsonContext.Default.{typeof(TMessage).Name}) or SerializerContext."));
    }
}
