using System.Collections;
using System.Net.Http.Headers;
using System.Text;

namespace ServiceAuth.Client.DependencyInjection.Internal;

/// <summary>
/// The state of a header event: one pair per header, its value <c>*</c> where the client's rule redacts it, so that a
/// structured provider sees no more than the message; the message lists the same pairs.
/// </summary>
internal sealed class RedactedHeaders : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly string _kind;
    private readonly List<KeyValuePair<string, object?>> _pairs = [];

    public RedactedHeaders(string kind, HttpHeaders headers, HttpHeaders? contentHeaders, Func<string, bool> shouldRedact)
    {
        _kind = kind;
        Add(headers, shouldRedact);
        if (contentHeaders is not null)
        {
            Add(contentHeaders, shouldRedact);
        }
    }

    public int Count => _pairs.Count;

    public KeyValuePair<string, object?> this[int index] => _pairs[index];

    /// <summary>A URI as HttpClient 9+ logs it: without user info, fragment or query (a query becomes <c>?*</c>).</summary>
    public static string? Uri(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            string? text = uri?.OriginalString;
            int query = text?.IndexOf('?', StringComparison.Ordinal) ?? -1;
            return query < 0 ? text : string.Concat(text.AsSpan(0, query), "?*");
        }

        string path = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return uri.Query.Length > 1 ? path + "?*" : path;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _pairs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString()
    {
        var text = new StringBuilder(_kind).Append(" Headers:").AppendLine();
        foreach (KeyValuePair<string, object?> pair in _pairs)
        {
            text.Append(pair.Key).Append(": ").Append(pair.Value).AppendLine();
        }

        return text.ToString();
    }

    private void Add(HttpHeaders headers, Func<string, bool> shouldRedact)
    {
        foreach (KeyValuePair<string, HeaderStringValues> header in headers.NonValidated)
        {
            _pairs.Add(new(header.Key, shouldRedact(header.Key) ? "*" : header.Value.ToString()));
        }
    }
}
