using System.Globalization;
using Amazon.Runtime;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>What one successful AssumeRole gave: the credentials and when they expire.</summary>
internal readonly record struct AssumeRoleResult(ImmutableCredentials Credentials, DateTimeOffset Expiration)
{
    // The generated ToString would print the credentials object; name only what is not secret.
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"AssumeRoleResult {{ AccessKeyId = {Credentials.AccessKey}, Expiration = {Expiration:O} }}");
}
