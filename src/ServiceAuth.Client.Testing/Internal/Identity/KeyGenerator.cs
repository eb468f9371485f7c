using System.Security.Cryptography;

namespace ServiceAuth.Client.Testing.Internal.Identity;

/// <summary>Makes random key ids, secrets and session tokens shaped like AWS's.</summary>
internal static class KeyGenerator
{
    private const string KeyIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static string LongTermKeyId() => "AKIA" + RandomNumberGenerator.GetString(KeyIdAlphabet, 16);

    public static string TemporaryKeyId() => "ASIA" + RandomNumberGenerator.GetString(KeyIdAlphabet, 16);

    public static string RoleId() => "AROA" + RandomNumberGenerator.GetString(KeyIdAlphabet, 17);

    public static string UserId() => "AIDA" + RandomNumberGenerator.GetString(KeyIdAlphabet, 17);

    public static string Secret() => RandomNumberGenerator.GetString(SecretAlphabet, 40);

    public static string SessionToken() => "IQoJb3JpZ2luX2VjE" + RandomNumberGenerator.GetString(SecretAlphabet, 300);
}
