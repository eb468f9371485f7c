namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>A parsed policy document with the name explanations call it by (e.g. "identity-based policy 1 of arn:…").</summary>
internal sealed class PolicyDocument
{
    public PolicyDocument(string name, IReadOnlyList<PolicyStatement> statements)
    {
        Name = name;
        Statements = statements;
    }

    public string Name { get; }

    public IReadOnlyList<PolicyStatement> Statements { get; }

    /// <summary>Parses a JSON policy document; throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public static PolicyDocument Parse(string json, string name) => new(name, PolicyParser.Parse(json));

    public override string ToString() => Name;
}
