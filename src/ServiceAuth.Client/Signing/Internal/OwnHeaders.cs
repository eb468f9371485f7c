using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>The values header signing sets: they are signed in place of what the request carries under those names
/// (<see langword="null"/>: not set). <see cref="ContentSha256"/> is only added when the request has none.</summary>
internal readonly struct OwnHeaders(string amzDate, string? securityToken, string? regionSet, string? contentSha256, byte[]? canonicalSecurityToken = null)
{
    public string AmzDate { get; } = amzDate;

    public string? SecurityToken { get; } = securityToken;

    public string? RegionSet { get; } = regionSet;

    public string? ContentSha256 { get; } = contentSha256;

    /// <summary>Gets <see cref="SecurityToken"/> as it is signed (trimmed, UTF-8), kept on the signing key.</summary>
    public byte[]? CanonicalSecurityToken { get; } = canonicalSecurityToken;
}
