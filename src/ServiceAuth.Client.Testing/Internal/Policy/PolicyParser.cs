using System.Text.Json;

namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>Reads IAM JSON policy documents with <see cref="JsonDocument"/> (no reflection): <c>Statement</c> as an object or
/// an array, every element as a string or an array of strings, condition values as strings, numbers or booleans.</summary>
internal static class PolicyParser
{
    public static IReadOnlyList<PolicyStatement> Parse(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The policy is not valid JSON: {e.Message}", nameof(json), e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("Statement", out JsonElement statements))
            {
                throw new ArgumentException("The policy has no \"Statement\" element.", nameof(json));
            }

            JsonElement[] items = statements.ValueKind == JsonValueKind.Array ? [.. statements.EnumerateArray()] : [statements];
            return [.. items.Select((s, i) => Statement(s, i + 1))];
        }
    }

    private static PolicyStatement Statement(JsonElement element, int index)
    {
        string name = element.TryGetProperty("Sid", out JsonElement sid) && sid.GetString() is { Length: > 0 } text ? $"'{text}'" : $"#{index}";
        string effect = element.TryGetProperty("Effect", out JsonElement e) ? e.GetString() ?? string.Empty : string.Empty;
        if (effect is not ("Allow" or "Deny"))
        {
            throw new ArgumentException($"Statement {name}: \"Effect\" must be \"Allow\" or \"Deny\", not '{effect}'.");
        }

        var statement = new PolicyStatement
        {
            Name = name,
            IsAllow = effect == "Allow",
            Principals = Principals(element, "Principal"),
            NotPrincipals = Principals(element, "NotPrincipal"),
            Actions = Strings(element, "Action"),
            NotActions = Strings(element, "NotAction"),
            Resources = Strings(element, "Resource"),
            NotResources = Strings(element, "NotResource"),
            Conditions = element.TryGetProperty("Condition", out JsonElement c) ? Conditions(c, name) : [],
        };
        if ((statement.Actions is null) == (statement.NotActions is null))
        {
            throw new ArgumentException($"Statement {name}: exactly one of \"Action\" and \"NotAction\" is required.");
        }

        return statement;
    }

    private static List<string>? Strings(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement value) ? Values(value) : null;

    private static List<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => [.. value.EnumerateArray().SelectMany(Values)],
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.True => ["true"],
        JsonValueKind.False => ["false"],
        JsonValueKind.Number => [value.GetRawText()],
        _ => throw new ArgumentException($"A policy value must be a string or an array of strings, not {value.ValueKind}."),
    };

    /// <summary><c>"*"</c>, or <c>{"AWS": …, "Service": …, "Federated": …}</c>; values of other types than AWS are kept as
    /// <c>Type:value</c> so that they never match an IAM caller.</summary>
    private static List<string>? Principals(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"\"{name}\" must be \"*\" or an object such as {{\"AWS\": \"arn:aws:iam::111122223333:root\"}}.");
        }

        return [.. value.EnumerateObject().SelectMany(p => Values(p.Value).Select(v => p.Name == "AWS" ? v : $"{p.Name}:{v}"))];
    }

    private static List<PolicyCondition> Conditions(JsonElement element, string statement)
    {
        var conditions = new List<PolicyCondition>();
        foreach (JsonProperty op in element.EnumerateObject())
        {
            var condition = new PolicyCondition(op.Name, string.Empty, []);
            if (!ConditionOperators.IsKnown(condition.BaseOperator))
            {
                throw new ArgumentException($"Statement {statement}: the condition operator '{op.Name}' is not supported by the local endpoint (docs/testing.md lists the supported ones).");
            }

            conditions.AddRange(op.Value.EnumerateObject().Select(key => new PolicyCondition(op.Name, key.Name, Values(key.Value))));
        }

        return conditions;
    }
}
