using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// The canonical URI. For every service but S3, the path as it goes on the wire has its dot segments removed and its
/// repeated slashes collapsed, and is URI-encoded once more. For S3 it is used as is, encoded once.
/// </summary>
internal static class CanonicalPath
{
    /// <summary>Unreserved characters and <c>/</c>: a path of only these encodes (once or twice) to itself.</summary>
    private static readonly System.Buffers.SearchValues<char> Plain =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~/");

    public static void Append(ref ByteBuilder builder, ReadOnlySpan<char> wirePath, bool normalizeAndDoubleEncode)
    {
        if (wirePath.IsEmpty)
        {
            builder.Append((byte)'/');
            return;
        }

        // The common case: nothing to encode, and (when normalizing) no empty or dot segment to remove.
        if (wirePath.IndexOfAnyExcept(Plain) < 0 &&
            (!normalizeAndDoubleEncode || (wirePath[0] == '/' && !wirePath.Contains("//", StringComparison.Ordinal) && !wirePath.Contains("/.", StringComparison.Ordinal))))
        {
            builder.Append(wirePath);
            return;
        }

        if (!normalizeAndDoubleEncode)
        {
            UriEncoder.AppendDecodedThenEncoded(ref builder, wirePath, keepSlash: true);
            return;
        }

        AppendNormalized(ref builder, wirePath);
    }

    /// <summary>Encodes once more without normalizing: the <c>*-unnormalized</c> rule of the AWS test suite.</summary>
    public static void AppendUnnormalized(ref ByteBuilder builder, ReadOnlySpan<char> wirePath)
    {
        if (wirePath.IsEmpty)
        {
            builder.Append((byte)'/');
            return;
        }

        UriEncoder.AppendEncoded(ref builder, wirePath, keepSlash: true);
    }

    private static void AppendNormalized(ref ByteBuilder builder, ReadOnlySpan<char> path)
    {
        // Segments kept so far, as (start, length) pairs into path. Dot segments and empty segments (repeated slashes)
        // are dropped; ".." drops the segment before it. As in botocore and @smithy/signature-v4, the result
        // ends with a slash only when the path does and some segment is left: "/a/b/.." is "/a", "/a/b/../" is "/a/".
        Span<Range> kept = path.Length <= 128 ? stackalloc Range[path.Length] : new Range[path.Length];
        int count = 0;
        int position = 0;
        while (position <= path.Length)
        {
            int next = path[position..].IndexOf('/');
            int end = next < 0 ? path.Length : position + next;
            ReadOnlySpan<char> segment = path[position..end];
            if (segment is "..")
            {
                count = Math.Max(0, count - 1);
            }
            else if (!segment.IsEmpty && segment is not ".")
            {
                kept[count++] = new Range(position, end);
            }

            position = end + 1;
        }

        for (int i = 0; i < count; i++)
        {
            builder.Append((byte)'/');
            UriEncoder.AppendEncoded(ref builder, path[kept[i]], keepSlash: false);
        }

        if (count == 0 || path[^1] == '/')
        {
            builder.Append((byte)'/');
        }
    }
}
