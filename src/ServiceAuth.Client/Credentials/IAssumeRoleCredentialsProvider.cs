using Amazon.Runtime;

namespace ServiceAuth.Client.Credentials;

/// <summary>
/// The container's assume-role credential cache, for AWS SDK clients: the <see cref="AWSCredentials"/> it returns are the
/// same cache entry that signed HttpClients with the same role use, refreshed ahead of expiry in the background. Register
/// it with <c>services.AddAssumeRoleCredentials()</c> (<c>AddSignedHttpClient</c> does too).
/// </summary>
/// <example>
/// <code>
/// var credentials = provider.GetRequiredService&lt;IAssumeRoleCredentialsProvider&gt;()
///     .GetCredentials(new AssumeRoleOptions { RoleArn = "arn:aws:iam::222233334444:role/reader" }, region: "eu-west-1");
/// using var s3 = new AmazonS3Client(credentials, RegionEndpoint.EUWest1);
/// </code>
/// </example>
public interface IAssumeRoleCredentialsProvider
{
    /// <summary>Gets the cached credentials of a role; one entry per (source credentials, role, session parameters, STS
    /// region and endpoint). Nothing is sent to STS until the credentials are first used.</summary>
    /// <param name="role">The role and session parameters; validated now.</param>
    /// <param name="sourceCredentials">The credentials that assume the role; <see langword="null"/> for AWSSDK.Core's
    /// default chain. They may themselves be assumed-role credentials from this cache (role chaining).</param>
    /// <param name="region">The STS region when <see cref="AssumeRoleOptions.StsRegion"/> is not set.</param>
    /// <returns>Credentials for any AWS SDK client, for example <c>new AmazonS3Client(credentials)</c>.</returns>
    /// <exception cref="ServiceAuthException">The options are invalid; the message names each value and the fix.</exception>
    AWSCredentials GetCredentials(AssumeRoleOptions role, AWSCredentials? sourceCredentials = null, string? region = null);
}
