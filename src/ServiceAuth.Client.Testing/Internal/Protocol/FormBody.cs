using System.Text;

namespace ServiceAuth.Client.Testing.Internal.Protocol;

/// <summary>Parses an <c>application/x-www-form-urlencoded</c> awsQuery body ('+' is a space here, unlike in SigV4).</summary>
internal static class FormBody
{
    public static Dictionary<string, string> Parse(byte[] body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            string name = Decode(eq < 0 ? part : part[..eq]);
            result[name] = eq < 0 ? string.Empty : Decode(part[(eq + 1)..]);
        }

        return result;
    }

    public static bool IsForm(WireRequest request) =>
        request.Get("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
