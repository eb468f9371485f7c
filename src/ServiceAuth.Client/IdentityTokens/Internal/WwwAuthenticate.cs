namespace ServiceAuth.Client.IdentityTokens.Internal;

/// <summary>Reads one <c>name="value"</c> (or <c>name=value</c>) parameter of a <c>WWW-Authenticate</c> challenge.</summary>
internal static class WwwAuthenticate
{
    public static string? Parameter(string? parameters, string name)
    {
        if (parameters is null)
        {
            return null;
        }

        foreach (string part in parameters.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part.AsSpan(0, eq).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return part[(eq + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }
}
