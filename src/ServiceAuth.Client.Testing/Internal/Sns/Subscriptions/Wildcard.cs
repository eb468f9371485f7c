namespace ServiceAuth.Client.Testing.Internal.Sns.Subscriptions;

/// <summary>IAM <c>StringLike</c>/<c>ArnLike</c> matching: <c>*</c> any run of characters, <c>?</c> one, case-sensitive.</summary>
internal static class Wildcard
{
    public static bool Matches(string pattern, string value) => Matches(pattern.AsSpan(), value.AsSpan());

    private static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value)
    {
        if (pattern.IsEmpty)
        {
            return value.IsEmpty;
        }

        if (pattern[0] == '*')
        {
            for (int skip = 0; skip <= value.Length; skip++)
            {
                if (Matches(pattern[1..], value[skip..]))
                {
                    return true;
                }
            }

            return false;
        }

        return !value.IsEmpty && (pattern[0] == '?' || pattern[0] == value[0]) && Matches(pattern[1..], value[1..]);
    }
}
