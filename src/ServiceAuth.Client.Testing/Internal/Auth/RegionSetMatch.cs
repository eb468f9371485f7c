namespace ServiceAuth.Client.Testing.Internal.Auth;

/// <summary>Whether a SigV4a <c>X-Amz-Region-Set</c> (regions or patterns with <c>*</c>, comma-separated) covers a region.</summary>
internal static class RegionSetMatch
{
    public static bool Contains(string regionSet, string region)
    {
        foreach (string item in regionSet.Split(','))
        {
            if (Matches(item.Trim(), region))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(string pattern, string region)
    {
        int star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return string.Equals(pattern, region, StringComparison.Ordinal);
        }

        string prefix = pattern[..star];
        string rest = pattern[(star + 1)..];
        if (!region.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        for (int i = prefix.Length; i <= region.Length; i++)
        {
            if (Matches(rest, region[i..]))
            {
                return true;
            }
        }

        return false;
    }
}
