namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>The parts of a token after strict decoding, not yet validated.</summary>
internal sealed record DecodedToken(string Url, string Audience, string? Challenge);
