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

        if (response.Content.Headers.ContentLength is > MaxInspectedBytes)
        {
            return null;
        }

        byte[]? body = await ErrorBodyBuffer.ReadAsync(response, MaxInspectedBytes, cancellationToken).ConfigureAwait(false);
        return body is null ? null : Parse(body);
    }

    /// <summary>The synchronous twin of <see cref="ReadCodeAsync"/>, for <c>HttpMessageHandler.Send</c>.</summary>
    public static string? ReadCode(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Headers.NonValidated.TryGetValues(ErrorTypeHeader, out HeaderStringValues values))
        {
            return Strip(values.ToString());
        }

        if (response.Content.Headers.ContentLength is > MaxInspectedBytes)
        {
            return null;
        }

        byte[]? body = ErrorBodyBuffer.Read(response, MaxInspectedBytes, cancellationToken);
        return body is null ? null : Parse(body);
    }

    /// <summary>Finds the code in an XML or JSON error document.</summary>
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
