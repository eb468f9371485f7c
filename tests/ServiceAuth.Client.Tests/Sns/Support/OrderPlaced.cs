using System.Text.Json.Serialization;

namespace ServiceAuth.Client.Tests.Sns.Support;

public sealed record OrderPlaced(string OrderId, decimal Total);

[JsonSerializable(typeof(OrderPlaced))]
public sealed partial class SnsTestJsonContext : JsonSerializerContext;
