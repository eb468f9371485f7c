using System.Net.Http.Headers;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// The canonical headers of a request without content that carries no header to sign (a GET whose headers are all
/// unsigned, or the ones header signing replaces): only <c>host</c>, taken from the URI, and the headers signing sets are
/// signed, in an order known in advance, so they are written directly, without collecting and sorting lines.
/// </summary>
/// <remarks>Each request header is classified by <see cref="CanonicalHeaders.Collects"/>, as the general path does; the
/// first one that would be signed sends the request to that path (with nothing written).</remarks>
internal static class OwnHeadersOnly
{
    public static bool TryAppend(ref ByteBuilder builder, HttpRequestMessage request, Uri uri, in OwnHeaders own, out FoundHeaders found, out Range signedHeaders)
    {
        found = FoundHeaders.None;
        signedHeaders = default;
        if (request.Content is not null)
        {
            return false;
        }

        HeaderNames names = HeaderNames.Current;
        bool hasHost = false;
        foreach (KeyValuePair<string, HeaderStringValues> header in request.Headers.NonValidated)
        {
            if (CanonicalHeaders.Collects(names.Get(header.Key).Kind, header.Value, signing: true, own, ref found, ref hasHost))
            {
                found = FoundHeaders.None;
                return false;
            }
        }

        // host < x-amz-content-sha256 < x-amz-date < x-amz-region-set < x-amz-security-token
        builder.Append("host:"u8);
        CanonicalHeaders.AppendHost(ref builder, uri);

        // The date and the payload hash are the signer's own ASCII text, without whitespace: already canonical.
        if (own.ContentSha256 is not null)
        {
            builder.Append("\nx-amz-content-sha256:"u8);
            builder.Append(own.ContentSha256);
        }

        builder.Append("\nx-amz-date:"u8);
        builder.Append(own.AmzDate);
        if (own.RegionSet is not null)
        {
            builder.Append("\nx-amz-region-set:"u8);
            HeaderValue.AppendTrimmed(ref builder, own.RegionSet);
        }

        if (own.SecurityToken is not null)
        {
            builder.Append("\nx-amz-security-token:"u8);
            if (own.CanonicalSecurityToken is not null)
            {
                builder.Append(own.CanonicalSecurityToken);
            }
            else
            {
                HeaderValue.AppendTrimmed(ref builder, own.SecurityToken);
            }
        }

        builder.Append("\n\n"u8);
        int start = builder.Length;
        builder.Append("host"u8);
        Name(ref builder, ";x-amz-content-sha256"u8, own.ContentSha256);
        Name(ref builder, ";x-amz-date"u8, own.AmzDate);
        Name(ref builder, ";x-amz-region-set"u8, own.RegionSet);
        Name(ref builder, ";x-amz-security-token"u8, own.SecurityToken);
        signedHeaders = new Range(start, builder.Length);
        return true;
    }

    private static void Name(ref ByteBuilder builder, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            builder.Append(name);
        }
    }
}
