using Amazon.Runtime;

namespace ServiceAuth.Client.Testing;

/// <summary>An IAM user known to a <see cref="LocalAwsEndpoint"/>, with a long-term access key.</summary>
public sealed class LocalUser
{
    internal LocalUser(string name, string accountId, string accessKeyId, string secretAccessKey)
    {
        Name = name;
        AccountId = accountId;
        Arn = $"arn:aws:iam::{accountId}:user/{name}";
        Credentials = new ImmutableCredentials(accessKeyId, secretAccessKey, null);
    }

    /// <summary>Gets the user name.</summary>
    public string Name { get; }

    /// <summary>Gets the account id.</summary>
    public string AccountId { get; }

    /// <summary>Gets the ARN, <c>arn:aws:iam::&lt;account&gt;:user/&lt;name&gt;</c>.</summary>
    public string Arn { get; }

    /// <summary>Gets the long-term key (<c>AKIA…</c>) and secret.</summary>
    public ImmutableCredentials Credentials { get; }

    /// <summary>Returns the key as SDK credentials, for example for <c>AmazonSecurityTokenServiceClient</c>.</summary>
    /// <returns>A new <see cref="BasicAWSCredentials"/>.</returns>
    public AWSCredentials ToAwsCredentials() => new BasicAWSCredentials(Credentials.AccessKey, Credentials.SecretKey);

    /// <summary>Returns the ARN; never the secret.</summary>
    /// <returns>The ARN.</returns>
    public override string ToString() => Arn;
}
