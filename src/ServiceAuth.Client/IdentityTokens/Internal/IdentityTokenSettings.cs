namespace ServiceAuth.Client.IdentityTokens.Internal;

/// <summary>What a token provider needs of its validated options, resolved once.</summary>
internal sealed class IdentityTokenSettings
{
    public required string ClientName { get; init; }

    public required string Audience { get; init; }

    public required string StsRegion { get; init; }

    public required TimeSpan CacheDuration { get; init; }

    public required bool AllowInsecureHttp { get; init; }

    public Uri StsUrl => new($"https://{StsPartitions.Host(StsRegion)}/?Action=GetCallerIdentity&Version={IamIdentityTokenFormat.StsVersion}");

    /// <summary>The STS region: the option, then <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>.</summary>
    public static string? ResolveRegion(IamIdentityTokenOptions options) =>
        options.StsRegion
        ?? NullIfEmpty(Environment.GetEnvironmentVariable("AWS_REGION"))
        ?? NullIfEmpty(Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"));

    public static IdentityTokenSettings From(string clientName, IamIdentityTokenOptions options) => new()
    {
        ClientName = clientName,
        Audience = options.Audience ?? throw new ServiceAuthException($"IAM identity token client '{clientName}': Audience is required."),
        StsRegion = ResolveRegion(options) ?? throw new ServiceAuthException($"IAM identity token client '{clientName}': StsRegion is not set and neither AWS_REGION nor AWS_DEFAULT_REGION is."),
        CacheDuration = options.CacheDuration,
        AllowInsecureHttp = options.AllowInsecureHttp,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
