namespace ServiceAuth.Client.Sns.Internal;

/// <summary>
/// SNS's rule for <c>Number</c> attributes: a decimal number (optional sign, digits, optional fraction and exponent) with
/// at most 38 significant digits, and 0 or a magnitude between 10^-128 and 10^+126. Checked on the text, so no value is
/// rounded through a double.
/// </summary>
internal static class SnsNumber
{
    private const int MaxDigits = 38;
    private const int MinExponent = -128;
    private const int MaxExponent = 126;

    public static bool IsValid(ReadOnlySpan<char> text)
    {
        int i = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        int firstSignificant = -1, lastSignificant = -1, pointAt = -1, digitCount = 0, position = 0;
        for (; i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && pointAt < 0)); i++)
        {
            if (text[i] == '.')
            {
                pointAt = position;
                continue;
            }

            if (text[i] != '0')
            {
                firstSignificant = firstSignificant < 0 ? position : firstSignificant;
                lastSignificant = position;
            }

            digitCount++;
            position++;
        }

        if (digitCount == 0)
        {
            return false;
        }

        int exponent = 0;
        if (i < text.Length)
        {
            if (text[i] is not ('e' or 'E') || !int.TryParse(text[(i + 1)..], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out exponent))
            {
                return false;
            }
        }

        if (firstSignificant < 0)
        {
            return true; // zero
        }

        // The value is d.ddd × 10^magnitude, with d the first significant digit.
        int integerDigits = pointAt < 0 ? position : pointAt;
        long magnitude = (long)integerDigits - firstSignificant - 1 + exponent;
        return lastSignificant - firstSignificant + 1 <= MaxDigits && magnitude is >= MinExponent and <= MaxExponent;
    }
}
