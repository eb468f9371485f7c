using Amazon.Runtime;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>The fixed inputs every benchmark signs with: example credentials with an 800-character session token, a
/// fixed signing time, and the three request shapes.</summary>
internal static class BenchmarkData
{
    public const string AccessKey = "AKIDEXAMPLE";

    // The documentation example secret: not a real key.
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public const string Region = "us-east-1";

    public const string Service = "execute-api";

    public const string Host = "abcdef1234.execute-api.us-east-1.amazonaws.com";

    public static readonly Uri GetUri = new($"https://{Host}/prod/items?limit=25&color=blue");

    public static readonly Uri PostUri = new($"https://{Host}/prod/items");

    public static readonly DateTime SigningTimeUtc = new(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>Gets an 800-character session token, the size STS returns for assumed roles with session tags.</summary>
    public static string SessionToken { get; } = MakeToken(800);

    public static ImmutableCredentials Credentials { get; } = new(AccessKey, SecretKey, SessionToken);

    /// <summary>Gets a 1 KiB JSON document.</summary>
    public static byte[] Json1KiB { get; } = MakeJson(1024);

    /// <summary>Gets 1 MiB of pseudo-random bytes.</summary>
    public static byte[] Binary1MiB { get; } = MakeBinary(1024 * 1024);

    private static string MakeToken(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var random = new Random(42);
        return "IQoJb3JpZ2luX2VjE" + string.Create(length - 17, random, static (span, r) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }

    private static byte[] MakeJson(int length)
    {
        var text = new System.Text.StringBuilder("{\"items\":[");
        int i = 0;
        while (text.Length < length - 40)
        {
            text.Append(i == 0 ? string.Empty : ",").Append("{\"id\":").Append(i).Append(",\"name\":\"item-").Append(i).Append("\"}");
            i++;
        }

        text.Append("],\"pad\":\"");
        while (text.Length < length - 2)
        {
            text.Append('x');
        }

        text.Append("\"}");
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] MakeBinary(int length)
    {
        byte[] bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
