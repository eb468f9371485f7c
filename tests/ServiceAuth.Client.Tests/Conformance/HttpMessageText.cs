using System.Text;

namespace ServiceAuth.Client.Tests.Conformance;

/// <summary>
/// An HTTP/1.1 request as the AWS signing test suite writes it (<c>request.txt</c>, <c>*-signed-request.txt</c>), parsed
/// as the aws-c-auth harness does: <c>\r</c> removed, the request line taken verbatim, each header split at its first
/// <c>:</c> and not trimmed, a line that starts with whitespace continuing the previous header, the body after the first
/// empty line.
/// </summary>
public sealed class HttpMessageText
{
    private HttpMessageText(string method, string pathAndQuery, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body, bool hasFoldedHeader)
    {
        Method = method;
        PathAndQuery = pathAndQuery;
        Headers = headers;
        Body = body;
        HasFoldedHeader = hasFoldedHeader;
    }

    public string Method { get; }

    public string PathAndQuery { get; }

    public string Path => PathAndQuery.Split('?', 2)[0];

    public string Query => PathAndQuery.Contains('?', StringComparison.Ordinal) ? PathAndQuery.Split('?', 2)[1] : string.Empty;

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    /// <summary>Gets a value indicating whether a header spans several lines (obsolete line folding).</summary>
    public bool HasFoldedHeader { get; }

    public static HttpMessageText Parse(string text)
    {
        text = text.Replace("\r", string.Empty, StringComparison.Ordinal);
        int blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        string head = blank < 0 ? text.TrimEnd('\n') : text[..blank];
        byte[] body = blank < 0 ? [] : Encoding.UTF8.GetBytes(text[(blank + 2)..]);
        string[] lines = head.Split('\n');
        string[] requestLine = lines[0].Split(' ');
        string method = requestLine[0];
        string pathAndQuery = string.Join(' ', requestLine[1..^1]);
        var headers = new List<KeyValuePair<string, string>>();
        bool folded = false;
        foreach (string line in lines.AsSpan(1))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                KeyValuePair<string, string> last = headers[^1];
                headers[^1] = new(last.Key, last.Value + "\n" + line);
                folded = true;
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }

        return new HttpMessageText(method, pathAndQuery, headers, body, folded);
    }
}
