using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>The syntax of an <c>X-Amz-Region-Set</c> value: comma-separated region names or patterns with <c>*</c>.</summary>
internal static class RegionSetSyntax
{
    public static bool IsValid(string? regionSet)
    {
        if (string.IsNullOrEmpty(regionSet))
        {
            return false;
        }

        ReadOnlySpan<char> rest = regionSet;
        while (true)
        {
            int comma = rest.IndexOf(',');
            ReadOnlySpan<char> region = comma < 0 ? rest : rest[..comma];
            if (region.IsEmpty || region.ContainsAnyExcept(Allowed))
            {
                return false;
            }

            if (comma < 0)
            {
                return true;
            }

            rest = rest[(comma + 1)..];
        }
    }

    private static ReadOnlySpan<char> Allowed => "abcdefghijklmnopqrstuvwxyz0123456789-*";
}
