using System.Text.Json.Serialization;

namespace ServiceAuth.Client.Tests.EventBridge.Support;

public sealed record OrderShipped(string OrderId, int Parcels);

[JsonSerializable(typeof(OrderShipped))]
[JsonSerializable(typeof(int[]))]
public sealed partial class EventBridgeTestJsonContext : JsonSerializerContext;
