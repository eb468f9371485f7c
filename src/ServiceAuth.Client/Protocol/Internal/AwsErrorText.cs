namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>
/// Keeps AWS error messages free of secrets: a <c>SignatureDoesNotMatch</c> answer from a Query service quotes the
/// canonical request it expected, which carries the session token. That part is cut before a message reaches an
/// exception or a log.
/// </summary>
internal static class AwsErrorText
{
    private const string Omitted = " [the canonical request and string to sign AWS quoted are omitted: they carry the session token]";

    private static readonly string[] Markers = ["The Canonical String", "The String-to-Sign", "Canonical Request"];

    public static bool QuotesCanonicalRequest(string? message) => message is not null && CutAt(message) >= 0;

    public static string? Redact(string? message)
    {
        if (message is null)
        {
            return null;
        }

        int cut = CutAt(message);
        return cut < 0 ? message : string.Concat(message.AsSpan(0, cut).TrimEnd(), Omitted);
    }

    private static int CutAt(string message)
    {
        int cut = -1;
        foreach (string marker in Markers)
        {
            int index = message.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (index >= 0 && (cut < 0 || index < cut))
            {
                cut = index;
            }
        }

        return cut;
    }
}
