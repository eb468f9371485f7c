using System.Globalization;
using System.Net;

namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>
/// The comparison behind each condition operator, for one request value against one policy value. Negated operators
/// (<c>StringNotEquals</c>, <c>NotIpAddress</c>, …) are compared with their positive twin here; the caller negates.
/// </summary>
internal static class ConditionOperators
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
        "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "IpAddress", "NotIpAddress", "Bool", "Null",
        "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
        "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
    };

    public static bool IsKnown(string op) => Known.Contains(op);

    public static bool IsNegated(string op) => op is "StringNotEquals" or "StringNotEqualsIgnoreCase" or "StringNotLike" or "ArnNotEquals"
        or "ArnNotLike" or "NotIpAddress" or "NumericNotEquals" or "DateNotEquals";

    /// <summary>Whether <paramref name="actual"/> matches <paramref name="expected"/> under the positive form of <paramref name="op"/>.</summary>
    public static bool Matches(string op, string actual, string expected) => op switch
    {
        "StringEquals" or "StringNotEquals" => string.Equals(actual, expected, StringComparison.Ordinal),
        "StringEqualsIgnoreCase" or "StringNotEqualsIgnoreCase" => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase),
        "StringLike" or "StringNotLike" => Wildcard.IsMatch(expected, actual),
        "ArnEquals" or "ArnLike" or "ArnNotEquals" or "ArnNotLike" => Wildcard.IsArnMatch(expected, actual),
        "IpAddress" or "NotIpAddress" => InNetwork(actual, expected),
        "Bool" => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase),
        _ when op.StartsWith("Numeric", StringComparison.Ordinal) => Compare(op["Numeric".Length..], Number(actual), Number(expected)),
        _ when op.StartsWith("Date", StringComparison.Ordinal) => Compare(op["Date".Length..], Date(actual), Date(expected)),
        _ => false,
    };

    private static bool Compare<T>(string relation, T? actual, T? expected)
        where T : struct, IComparable<T>
    {
        if (actual is not { } a || expected is not { } e)
        {
            return false;
        }

        int order = a.CompareTo(e);
        return relation switch
        {
            "Equals" or "NotEquals" => order == 0,
            "LessThan" => order < 0,
            "LessThanEquals" => order <= 0,
            "GreaterThan" => order > 0,
            _ => order >= 0,
        };
    }

    private static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value) ? value : null;

    /// <summary>ISO 8601 dates, or epoch seconds as <c>aws:EpochTime</c> has them.</summary>
    private static DateTimeOffset? Date(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds)
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date) ? date : null;

    private static bool InNetwork(string address, string cidr)
    {
        string network = cidr.Contains('/', StringComparison.Ordinal) ? cidr : cidr + (cidr.Contains(':', StringComparison.Ordinal) ? "/128" : "/32");
        return IPAddress.TryParse(address, out IPAddress? ip) && IPNetwork.TryParse(network, out IPNetwork parsed) && parsed.Contains(ip);
    }
}
