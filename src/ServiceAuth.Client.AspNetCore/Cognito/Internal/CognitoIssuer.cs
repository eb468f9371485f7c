namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>The pool's issuer as Cognito writes it in <c>iss</c> (no trailing slash).</summary>
internal static class CognitoIssuer
{
    public static string Resolve(CognitoJwtBearerOptions options)
    {
        if (options.Issuer is { } issuer)
        {
            return issuer.AbsoluteUri.TrimEnd('/');
        }

        string pool = options.UserPoolId!;
        string region = options.Region ?? RegionOf(pool) ?? string.Empty;
        return $"https://cognito-idp.{region}.amazonaws.com/{pool}";
    }

    /// <summary>The region prefix of a pool id (<c>eu-west-1</c> of <c>eu-west-1_AbCdEf123</c>).</summary>
    public static string? RegionOf(string poolId)
    {
        int underscore = poolId.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 ? poolId[..underscore] : null;
    }
}
