using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>
/// Reads the error code of an AWS error answer, from <c>x-amzn-ErrorType</c>, an XML <c>&lt;Code&gt;</c> or a JSON
/// <c>__type</c>/<c>code</c>, without taking the body from the caller: the body is buffered and stays readable.
/// </summary>
internal static class AwsErrorResponse
{
    /// <summary>Bodies larger than this are not inspected; error documents are small.</summary>
    public const int MaxInspectedBytes = 64 * 1024;

    private const string ErrorTypeHeader = "x-amzn-ErrorType";

    public static async ValueTask<string?> ReadCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Headers.NonValidated.TryGetValues(ErrorTypeHeader, out HeaderStringValues values))
        {
            return Strip(values.ToString());
        }

        HttpContent content = response.Content;
        if (content.Headers.ContentLength is > MaxInspectedBytes)
        {
            return null;
        }

        try
        {
#if NET9_0_OR_GREATER
            await content.LoadIntoBufferAsync(MaxInspectedBytes, cancellationToken).ConfigureAwait(false);
#else
            await content.LoadIntoBufferAsync(MaxInspectedBytes).ConfigureAwait(false);
#endif
            byte[] body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return Parse(body);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Finds the code in an XML or JSON error document.</summary>
    /// <summary>The synchronous twin of <see cref="ReadCodeAsync"/>, for <c>HttpMessageHandler.Send</c>: inspects only a
    /// body of known length up to the limit, and puts a buffered copy back so the caller can still read it.</summary>
    public static string? ReadCode(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Headers.NonValidated.TryGetValues(ErrorTypeHeader, out HeaderStringValues values))
        {
            return Strip(values.ToString());
        }

        HttpContent content = response.Content;
        if (content.Headers.ContentLength is not (>= 0 and <= MaxInspectedBytes))
        {
            return null;
        }

        using var buffered = new MemoryStream();
        content.ReadAsStream(cancellationToken).CopyTo(buffered);
        byte[] body = buffered.ToArray();
        var copy = new ByteArrayContent(body);
        foreach (KeyValuePair<string, HeaderStringValues> header in content.Headers.NonValidated)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = copy;
        content.Dispose();
        return Parse(body);
    }

    public static string? Parse(ReadOnlySpan<byte> body)
    {
        body = body.TrimStart(" \t\r\n"u8);
        if (body.IsEmpty)
        {
            return null;
        }

        return body[0] == (byte)'{' ? ParseJson(body) : ParseXml(body);
    }

    private static string? ParseXml(ReadOnlySpan<byte> body)
    {
        int start = body.IndexOf("<Code>"u8);
        if (start < 0)
        {
            return null;
        }

        ReadOnlySpan<byte> rest = body[(start + 6)..];
        int end = rest.IndexOf((byte)'<');
        return end <= 0 ? null : Encoding.UTF8.GetString(rest[..end]).Trim();
    }

    private static string? ParseJson(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            string? code = null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    bool type = reader.ValueTextEquals("__type"u8);
                    bool other = reader.ValueTextEquals("code"u8) || reader.ValueTextEquals("Code"u8);
                    reader.Read();
                    if ((type || (other && code is null)) && reader.TokenType == JsonTokenType.String)
                    {
                        code = reader.GetString();
                        if (type)
                        {
                            break;
                        }
                    }
                }
            }

            return Strip(code);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Strip(string? code)
    {
        if (code is null)
        {
            return null;
        }

        int hash = code.LastIndexOf('#');
        code = hash >= 0 ? code[(hash + 1)..] : code;
        int colon = code.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? code[..colon] : code;
    }
}
