namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>What STS made of a token: the confirmed caller, or why not.</summary>
internal readonly record struct StsOutcome(VerifiedToken? Verified, TokenFailure? Failure);
