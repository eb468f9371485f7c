namespace ServiceAuth.Client.Testing.Internal.Sts;

/// <summary>A role the endpoint can issue sessions for.</summary>
internal sealed class RoleDefinition
{
    public RoleDefinition(string arn, RoleTrust trust)
    {
        // arn:aws:iam::<account>:role/<optional path/><name>
        string[] parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "iam" || !parts[5].StartsWith("role/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{arn}' is not a role ARN (arn:aws:iam::<account>:role/<name>).", nameof(arn));
        }

        Arn = arn;
        AccountId = parts[4];
        Name = parts[5][(parts[5].LastIndexOf('/') + 1)..];
        Trust = trust;
        RoleId = Identity.KeyGenerator.RoleId();
    }

    public string Arn { get; }

    public string AccountId { get; }

    public string Name { get; }

    public string RoleId { get; }

    public RoleTrust Trust { get; }
}
