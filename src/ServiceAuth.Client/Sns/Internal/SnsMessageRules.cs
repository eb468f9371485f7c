using System.Text.Json;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>The SNS message rules (docs/sns.md, Limits). Each check returns <see langword="null"/> when the value is
/// fine, or what is wrong with it.</summary>
internal static class SnsMessageRules
{
    public const int MaxAttributes = 10;
    public const int MaxAttributeNameLength = 256;
    public const int MaxSubjectLength = 99;
    public const int MaxFifoIdLength = 128;

    public static string? CheckAttributeName(string name)
    {
        if (name.Length is 0 or > MaxAttributeNameLength)
        {
            return $"must be 1 to {MaxAttributeNameLength} characters";
        }

        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            return "may contain only A-Z, a-z, 0-9, '_', '-' and '.'";
        }

        if (name[0] == '.' || name[^1] == '.' || name.Contains("..", StringComparison.Ordinal))
        {
            return "must not start or end with '.' or contain '..'";
        }

        return name.StartsWith("AWS.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Amazon.", StringComparison.OrdinalIgnoreCase)
            ? "must not start with 'AWS.' or 'Amazon.' (reserved)"
            : null;
    }

    public static bool IsKnownDataType(string? dataType) => dataType is "String" or "String.Array" or "Number" or "Binary";

    public static string? CheckAttributeValue(SnsAttributeValue attribute)
    {
        if (attribute.DataType == "Binary")
        {
            return attribute.BinaryValue.IsEmpty ? "a Binary value must not be empty" : null;
        }

        string? value = attribute.StringValue;
        if (string.IsNullOrEmpty(value))
        {
            return $"a {attribute.DataType} value must not be empty";
        }

        return attribute.DataType switch
        {
            "Number" when !IsNumber(value) => "a Number value must be a decimal number such as -12.5 or 1e3, with at most 38 significant digits and a magnitude between 1E-128 and 1E+126 (or 0)",
            "String.Array" when !IsFlatJsonArray(value) => "a String.Array value must be a JSON array of strings, numbers, true, false or null",
            _ => null,
        };
    }

    public static string? CheckSubject(string subject)
    {
        if (subject.Length is 0 or > MaxSubjectLength || string.IsNullOrWhiteSpace(subject))
        {
            return $"must be 1 to {MaxSubjectLength} characters and not blank";
        }

        if (subject.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
        {
            return "must not contain line breaks or control characters";
        }

        return SnsText.Utf8Length(subject) < 0 ? "has a lone surrogate and cannot be sent as UTF-8" : null;
    }

    public static string? CheckFifoId(string id) =>
        id.Length is 0 or > MaxFifoIdLength || !id.All(c => c is >= '!' and <= '~')
            ? $"must be 1 to {MaxFifoIdLength} printable ASCII characters (letters, digits, punctuation; no spaces)"
            : null;

    /// <summary>A <c>MessageStructure=json</c> body: a JSON object with a <c>default</c> string.</summary>
    public static bool IsStructuredJson(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            bool hasDefault = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isDefault = reader.ValueTextEquals("default"u8);
                reader.Read();
                hasDefault |= isDefault && reader.TokenType == JsonTokenType.String;
                reader.Skip();
            }

            return hasDefault && reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsNumber(string value) => SnsNumber.IsValid(value);

    private static bool IsFlatJsonArray(string value)
    {
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(value));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                {
                    return false;
                }
            }

            return reader.TokenType == JsonTokenType.EndArray && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
