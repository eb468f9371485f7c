using System.Text;

namespace ServiceAuth.Client.IdentityTokens.Internal;

/// <summary>Builds the token text and checks the audience and challenge syntax both sides agree on.</summary>
internal static class IdentityTokenText
{
    public const int MaxAudienceLength = 128;
    public const int MaxChallengeLength = 256;

    public static string Build(Uri presignedUrl, string audience, string? challenge)
    {
        var token = new StringBuilder(IamIdentityTokenFormat.Prefix, 2048);
        token.Append(Encode(presignedUrl.OriginalString)).Append('.').Append(Encode(audience));
        if (challenge is not null)
        {
            token.Append('.').Append(Encode(challenge));
        }

        return token.ToString();
    }

    /// <summary>1 to 128 characters of letters, digits and <c>.-_~:/</c>: safe as a header value and in logs.</summary>
    public static bool IsValidAudience(string? audience) =>
        audience is { Length: > 0 and <= MaxAudienceLength } && audience.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or ':' or '/');

    /// <summary>16 to 256 characters of the base64url alphabet.</summary>
    public static bool IsValidChallenge(string? challenge) =>
        challenge is { Length: >= 16 and <= MaxChallengeLength } && challenge.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Unpadded base64url (RFC 4648 §5).</summary>
    private static string Encode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
