namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>
/// Keeps AWS error messages free of secrets: a <c>SignatureDoesNotMatch</c> answer from a Query service quotes the
/// canonical request it expected, which carries the session token. That part is cut before a message reaches an
/// exception or a log.
/// </summary>
internal static partial class AwsErrorText
{
    private const string Omitted = " [the canonical request and string to sign AWS quoted are omitted: they carry the session token]";

    private static readonly string[] Markers = ["The Canonical String", "The String-to-Sign", "Canonical Request"];

    public static bool QuotesCanonicalRequest(string? message) =>
        message is not null && (CutAt(message) >= 0 || EchoedAuthorization().IsMatch(message));

    /// <summary>Cuts a quoted canonical request and string to sign, and replaces the values of <c>Signature=</c> and
    /// <c>Credential=</c> (an <c>IncompleteSignature</c> answer echoes the Authorization header) with <c>[redacted]</c>.</summary>
    public static string? Redact(string? message)
    {
        if (message is null)
        {
            return null;
        }

        int cut = CutAt(message);
        string kept = cut < 0 ? message : string.Concat(message.AsSpan(0, cut).TrimEnd(), Omitted);
        return EchoedAuthorization().Replace(kept, "$1=[redacted]");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(Signature|Credential)=[^,\s""'<]+", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex EchoedAuthorization();

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
