using System.Text.Json.Serialization;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>The documented JSON of STS <c>GetCallerIdentity</c> (with <c>Accept: application/json</c>) and of its errors;
/// source-generated, so trimming and AOT keep working.</summary>
[JsonSerializable(typeof(StsJsonShapes.Envelope))]
[JsonSerializable(typeof(StsJsonShapes.ErrorEnvelope))]
[JsonSourceGenerationOptions(MaxDepth = 8)]
internal sealed partial class StsJson : JsonSerializerContext
{
}
