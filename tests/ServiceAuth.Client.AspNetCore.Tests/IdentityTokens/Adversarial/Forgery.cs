using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ServiceAuth.Client.AspNetCore.Tests.Support;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens.Adversarial;

/// <summary>Anonymous tokens that pass every local check: a real token's URL, audience and date with a random access-key
/// id and 64 random hex digits as the signature. Only STS can tell they are forged.</summary>
internal static partial class Forgery
{
    public static string Forge(string genuine, string? accessKeyId = null) => TokenSurgery.EditUrl(genuine, url =>
    {
        string key = accessKeyId ?? "AKIA" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
        string forged = Credential().Replace(url, $"X-Amz-Credential={key}%2F");
        return Signature().Replace(forged, "X-Amz-Signature=" + RandomNumberGenerator.GetHexString(64, lowercase: true));
    });

    [GeneratedRegex("X-Amz-Credential=[A-Z0-9]+%2F")]
    private static partial Regex Credential();

    [GeneratedRegex("X-Amz-Signature=[0-9a-f]{64}")]
    private static partial Regex Signature();
}
