namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>One statement of a policy document, as parsed. A <see langword="null"/> list means the element is absent.</summary>
internal sealed class PolicyStatement
{
    public required string Name { get; init; }

    public required bool IsAllow { get; init; }

    public IReadOnlyList<string>? Principals { get; init; }

    public IReadOnlyList<string>? NotPrincipals { get; init; }

    public IReadOnlyList<string>? Actions { get; init; }

    public IReadOnlyList<string>? NotActions { get; init; }

    public IReadOnlyList<string>? Resources { get; init; }

    public IReadOnlyList<string>? NotResources { get; init; }

    public IReadOnlyList<PolicyCondition> Conditions { get; init; } = [];
}
