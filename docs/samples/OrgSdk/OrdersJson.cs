using System.Text.Json.Serialization;

namespace Contoso.Orders;

/// <summary>Source-generated JSON for the Orders contract (AOT-safe).</summary>
[JsonSerializable(typeof(Order))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class OrdersJson : JsonSerializerContext;
