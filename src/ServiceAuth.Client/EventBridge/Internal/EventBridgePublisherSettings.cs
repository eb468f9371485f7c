using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>What a publisher needs of its (validated) options, resolved once.</summary>
internal sealed class EventBridgePublisherSettings<TEvent>
{
    private readonly JsonTypeInfo<TEvent>? _typeInfo;

    public EventBridgePublisherSettings(EventBridgePublisherOptions<TEvent> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Bus = EventBusTarget.TryParse(options.EventBusName, out string problem)
            ?? throw new ServiceAuthException($"EventBridge publisher of {typeof(TEvent).Name}: EventBusName '{options.EventBusName}' is not valid: {problem}.");
        _typeInfo = ResolveTypeInfo(options);
        Source = options.Source;
        DetailType = DefaultDetailType(options);
        Resources = [.. options.Resources];
        AddTraceHeader = options.AddTraceHeader;
        MaxRequestBytes = options.MaxRequestBytes;
        MaxBatchRetries = options.MaxBatchRetries;
        MaxConcurrentBatchRequests = options.MaxConcurrentBatchRequests;
        Region = options.Region ?? Bus.Region;
        Uri? serviceUrl = options.ServiceUrl ?? (Region is null ? null : EventBusTarget.ServiceUrlFor(Region, Bus.Partition));
        ServerAddress = serviceUrl?.Host;
        ServerPort = serviceUrl?.Port;
    }

    public EventBusTarget Bus { get; }

    /// <summary>The region the bus is in, when configured or named by its ARN; <see langword="null"/> when it comes from
    /// the container's default region.</summary>
    public string? Region { get; }

    /// <summary>The host <c>PutEvents</c> goes to (<c>ServiceUrl</c>'s, else the region's), when known.</summary>
    public string? ServerAddress { get; }

    /// <summary>The port <c>PutEvents</c> goes to (443 unless <c>ServiceUrl</c> names another), when the host is known.</summary>
    public int? ServerPort { get; }

    public string? Source { get; init; }

    public string? DetailType { get; init; }

    public IReadOnlyList<string> Resources { get; init; }

    public bool AddTraceHeader { get; init; }

    public int MaxRequestBytes { get; init; }

    public int MaxBatchRetries { get; init; }

    public int MaxConcurrentBatchRequests { get; init; }

    public static bool IsRaw => typeof(TEvent) == typeof(string);

    public static string? DefaultDetailType(EventBridgePublisherOptions<TEvent> options) => options.DetailType ?? (IsRaw ? null : typeof(TEvent).Name);

    public static JsonTypeInfo<TEvent>? ResolveTypeInfo(EventBridgePublisherOptions<TEvent> options) =>
        options.JsonTypeInfo ?? options.SerializerContext?.GetTypeInfo(typeof(TEvent)) as JsonTypeInfo<TEvent>;

    /// <summary>The <c>Detail</c> text: the string itself for a raw publisher, else the JSON serialization.</summary>
    public string Serialize(TEvent detail) => detail is string text
        ? text
        : JsonSerializer.Serialize(detail, _typeInfo ?? throw new ServiceAuthException(
            $"EventBridge publisher of {typeof(TEvent).Name}: set JsonTypeInfo (for example AppJsonContext.Default.{typeof(TEvent).Name}) or SerializerContext."));
}
