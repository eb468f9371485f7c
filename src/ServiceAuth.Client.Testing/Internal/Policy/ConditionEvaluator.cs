namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>
/// Evaluates one condition against the request context as the condition operators page describes: a key that is absent
/// fails a positive operator and passes a negated one; <c>…IfExists</c> passes when the key is absent; <c>Null</c> tests
/// presence; <c>ForAnyValue:</c> needs one request value to match (absent: false), <c>ForAllValues:</c> every request value
/// (absent: true). Several policy values for one key are OR-ed; negated operators match none of them.
/// </summary>
internal static class ConditionEvaluator
{
    public static bool Evaluate(PolicyCondition condition, IReadOnlyDictionary<string, IReadOnlyList<string>> context)
    {
        IReadOnlyList<string>? values = context.TryGetValue(condition.Key, out IReadOnlyList<string>? found) && found.Count > 0 ? found : null;
        string op = condition.BaseOperator;
        if (op == "Null")
        {
            bool wantsAbsent = condition.Values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase));
            return wantsAbsent == (values is null);
        }

        bool negated = ConditionOperators.IsNegated(op);
        if (values is null)
        {
            return condition.IfExists || condition.SetQualifier == PolicyCondition.AllPrefix
                || (condition.SetQualifier is null && negated);
        }

        bool ValueOk(string actual)
        {
            bool any = condition.Values.Any(expected => ConditionOperators.Matches(op, actual, expected));
            return negated ? !any : any;
        }

        return condition.SetQualifier switch
        {
            PolicyCondition.AllPrefix => values.All(ValueOk),
            PolicyCondition.AnyPrefix => values.Any(ValueOk),
            _ => negated ? values.All(ValueOk) : values.Any(ValueOk),
        };
    }

    /// <summary>Describes a failed condition for an explanation: the test, and what the request had.</summary>
    public static string Describe(PolicyCondition condition, IReadOnlyDictionary<string, IReadOnlyList<string>> context) =>
        $"condition {condition} is false (the request has {(context.TryGetValue(condition.Key, out IReadOnlyList<string>? v) && v.Count > 0 ? "[" + string.Join(", ", v) + "]" : "no " + condition.Key)})";
}
