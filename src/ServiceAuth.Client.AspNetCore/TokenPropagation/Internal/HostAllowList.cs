namespace ServiceAuth.Client.AspNetCore.TokenPropagation.Internal;

/// <summary>Matches a host against exact names and <c>*.</c> suffixes, case-insensitively; the wildcard takes one or
/// more labels and never the bare suffix.</summary>
internal static class HostAllowList
{
    public static bool IsAllowed(IEnumerable<string> allowed, string host)
    {
        foreach (string entry in allowed)
        {
            if (entry.StartsWith("*.", StringComparison.Ordinal)
                ? host.Length > entry.Length - 1 && host.EndsWith(entry[1..], StringComparison.OrdinalIgnoreCase)
                : string.Equals(host, entry, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsValidEntry(string entry)
    {
        string name = entry.StartsWith("*.", StringComparison.Ordinal) ? entry[2..] : entry;
        return name.Length > 0 && !name.Contains('*', StringComparison.Ordinal) && Uri.CheckHostName(name) != UriHostNameType.Unknown;
    }
}
