using System.Text.Json.Serialization;

namespace ServiceAuth.Client.IntegrationTests.SnsMessages;

public sealed record OrderPlacedForTest([property: JsonPropertyName("orderId")] string OrderId);
