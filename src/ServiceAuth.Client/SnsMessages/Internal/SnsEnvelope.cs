namespace ServiceAuth.Client.SnsMessages.Internal;

/// <summary>The fields of an SNS envelope as strings, read once (each field appears once), before any check.</summary>
internal sealed class SnsEnvelope
{
    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    public required IReadOnlyDictionary<string, SnsEnvelopeAttributeValue> Attributes { get; init; }

    public string? this[string name] => Fields.GetValueOrDefault(name);
}
