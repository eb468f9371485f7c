using System.Security.Cryptography;

namespace ServiceAuth.Client.Testing.Internal.Cognito;

/// <summary>Makes pool ids, client ids, client secrets and key ids shaped like Cognito's.</summary>
internal static class CognitoIds
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Mixed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string PoolId(string region) => $"{region}_{RandomNumberGenerator.GetString(Mixed, 9)}";

    public static string ClientId() => RandomNumberGenerator.GetString(Lower, 26);

    public static string ClientSecret() => RandomNumberGenerator.GetString(Lower, 51);

    public static string KeyId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
