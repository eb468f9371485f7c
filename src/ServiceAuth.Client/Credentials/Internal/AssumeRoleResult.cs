using Amazon.Runtime;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>What one successful AssumeRole gave: the credentials and when they expire.</summary>
internal readonly record struct AssumeRoleResult(ImmutableCredentials Credentials, DateTimeOffset Expiration);
