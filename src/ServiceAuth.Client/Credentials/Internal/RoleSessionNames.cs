using System.Reflection;
using System.Text;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>The default role session name: the application's name sanitised to <c>[\w+=,.@-]</c> and 2 to 64 characters.</summary>
internal static class RoleSessionNames
{
    private const string Fallback = "serviceauth-client";

    private static readonly Lazy<string> LazyDefault = new(() => Sanitize(Assembly.GetEntryAssembly()?.GetName().Name));

    public static string Default => LazyDefault.Value;

    public static string Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fallback;
        }

        var result = new StringBuilder(Math.Min(name.Length, 64));
        foreach (char c in name)
        {
            if (result.Length == 64)
            {
                break;
            }

            result.Append(IsAllowed(c) ? c : '-');
        }

        while (result.Length < 2)
        {
            result.Append('-');
        }

        return result.ToString();
    }

    public static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '=' or ',' or '.' or '@' or '-';
}
