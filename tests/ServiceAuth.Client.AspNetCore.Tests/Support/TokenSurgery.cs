using System.Text;
using ServiceAuth.Client.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.Tests.Support;

/// <summary>Opens a token, changes its URL or audience, and closes it again, as an attacker would.</summary>
internal static class TokenSurgery
{
    public static (string Url, string Audience, string? Challenge) Open(string token)
    {
        string[] parts = token[IamIdentityTokenFormat.Prefix.Length..].Split('.');
        return (Decode(parts[0]), Decode(parts[1]), parts.Length > 2 ? Decode(parts[2]) : null);
    }

    public static string Close(string url, string audience, string? challenge = null) =>
        IamIdentityTokenFormat.Prefix + Encode(url) + "." + Encode(audience) + (challenge is null ? string.Empty : "." + Encode(challenge));

    public static string EditUrl(string token, Func<string, string> edit)
    {
        (string url, string audience, string? challenge) = Open(token);
        string edited = edit(url);
        edited.ShouldNotBe(url, "the edit must change the URL");
        return Close(edited, audience, challenge);
    }

    public static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Decode(string part)
    {
        string b64 = part.Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(b64 + new string('=', (4 - (b64.Length % 4)) % 4)));
    }
}
