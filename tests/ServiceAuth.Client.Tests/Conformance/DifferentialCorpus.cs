using System.Text.Json.Serialization;

namespace ServiceAuth.Client.Tests.Conformance;

/// <summary>The file <c>Data/sigv4-differential-corpus.json</c>, written by <c>Conformance/Differential/generate.py</c>.</summary>
public sealed class DifferentialCorpus
{
    [JsonPropertyName("generated")]
    public int Generated { get; init; }

    [JsonPropertyName("disagreements")]
    public int Disagreements { get; init; }

    [JsonPropertyName("cases")]
    public List<DifferentialCorpusCase> Cases { get; init; } = [];
}
