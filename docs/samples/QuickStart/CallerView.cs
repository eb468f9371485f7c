using System.Text.Json.Serialization;

namespace ServiceAuth.Client.QuickStart;

/// <summary>Service B's answer: the role its caller proved.</summary>
/// <param name="Caller">The caller's role ARN.</param>
internal sealed record CallerView([property: JsonPropertyName("caller")] string? Caller);
