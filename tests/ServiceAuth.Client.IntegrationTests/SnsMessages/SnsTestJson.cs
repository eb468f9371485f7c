using System.Text.Json.Serialization;

namespace ServiceAuth.Client.IntegrationTests.SnsMessages;

[JsonSerializable(typeof(OrderPlacedForTest))]
internal sealed partial class SnsTestJson : JsonSerializerContext;
