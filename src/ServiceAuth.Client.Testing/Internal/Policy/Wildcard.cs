namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>IAM's wildcards: <c>*</c> matches any run of characters (none included), <c>?</c> exactly one.</summary>
internal static class Wildcard
{
    public static bool IsMatch(string pattern, string value, bool ignoreCase = false)
    {
        int p = 0;
        int v = 0;
        int star = -1;
        int resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>ARN matching as the <c>Arn*</c> condition operators do it: each of the six colon-separated parts is matched
    /// on its own (the resource part keeps its colons); a pattern with another shape is matched as a whole.</summary>
    public static bool IsArnMatch(string pattern, string arn)
    {
        string[] patternParts = pattern.Split(':', 6);
        string[] arnParts = arn.Split(':', 6);
        if (patternParts.Length != 6 || arnParts.Length != 6)
        {
            return IsMatch(pattern, arn);
        }

        for (int i = 0; i < 6; i++)
        {
            if (!IsMatch(patternParts[i], arnParts[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
