namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>One condition test: an operator (with its <c>ForAnyValue:</c>/<c>ForAllValues:</c> qualifier and
/// <c>IfExists</c> suffix as written), a context key, and the policy's values.</summary>
internal sealed class PolicyCondition
{
    public PolicyCondition(string op, string key, IReadOnlyList<string> values)
    {
        Operator = op;
        Key = key;
        Values = values;
        string name = op;
        if (name.StartsWith(AnyPrefix, StringComparison.OrdinalIgnoreCase))
        {
            SetQualifier = AnyPrefix;
            name = name[AnyPrefix.Length..];
        }
        else if (name.StartsWith(AllPrefix, StringComparison.OrdinalIgnoreCase))
        {
            SetQualifier = AllPrefix;
            name = name[AllPrefix.Length..];
        }

        IfExists = name.EndsWith("IfExists", StringComparison.Ordinal) && name != "IfExists";
        BaseOperator = IfExists ? name[..^"IfExists".Length] : name;
    }

    public const string AnyPrefix = "ForAnyValue:";

    public const string AllPrefix = "ForAllValues:";

    public string Operator { get; }

    public string Key { get; }

    public IReadOnlyList<string> Values { get; }

    /// <summary>Gets the operator without qualifier and <c>IfExists</c>, e.g. <c>StringLike</c>.</summary>
    public string BaseOperator { get; }

    public string? SetQualifier { get; }

    public bool IfExists { get; }

    public override string ToString() => $"{Operator} {Key} [{string.Join(", ", Values)}]";
}
