using System.Text.Json.Serialization;

namespace ServiceAuth.Client.QuickStart;

/// <summary>Source-generated, AOT-safe serialization for the QuickStart's messages.</summary>
[JsonSerializable(typeof(OrderPlaced))]
[JsonSerializable(typeof(CallerView))]
internal sealed partial class QuickStartJson : JsonSerializerContext;
