using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>The signature itself, once the payload hash is known: canonical request, string to sign, HMAC.</summary>
internal static class SigV4Core
{
    /// <summary>Marks an <c>x-amz-content-sha256</c> header this signer added, so a later signing recomputes it rather than
    /// taking it for the caller's precomputed hash.</summary>
    private static readonly HttpRequestOptionsKey<string> AddedContentSha256 = new("ServiceAuth.Client.AddedContentSha256");

    /// <summary>Removes the <c>x-amz-content-sha256</c> header (whose <paramref name="values"/> are given) when an
    /// earlier signing added it; a caller's own is kept. Returns whether it was removed.</summary>
    public static bool RemoveOwnContentSha256(HttpRequestMessage request, HeaderStringValues values)
    {
        if (request.Options.TryGetValue(AddedContentSha256, out string? added) &&
            string.Equals(HeaderValue.ToWireString(values), added, StringComparison.Ordinal))
        {
            request.Headers.Remove(SigV4Constants.AmzContentSha256);
            request.Options.Remove(AddedContentSha256.Key, out _);
            return true;
        }

        return false;
    }

    /// <summary>Signs the request with <paramref name="payloadHash"/>. A <paramref name="provisional"/> hash
    /// (<see cref="PayloadHasher.GetProvisional"/>) was taken without looking for <c>x-amz-content-sha256</c>: when the
    /// request carries one, nothing is signed or changed and the result is false (the caller starts over with
    /// <see cref="PayloadHasher.Get"/>, which decides what that header means).</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static bool SignHeaders(HttpRequestMessage request, ImmutableCredentials credentials, SigV4SigningParameters parameters, string payloadHash, bool provisional, SigningKeys keys, SigningTrace? trace)
    {
        Uri uri = RequireAbsoluteUri(request);
        string amzDate = AmzDateText.Get(parameters.SigningTime);
        string? token = string.IsNullOrEmpty(credentials.Token) ? null : credentials.Token;
        SigningKey? key = SignatureWriter.Key(amzDate, parameters, credentials, keys);
        string? signedToken = parameters.SignSessionToken ? token : null;
        var own = new OwnHeaders(
            amzDate,
            signedToken,
            parameters.IsSigV4a ? parameters.EffectiveRegionSet : null,
            AddsContentSha256Header(parameters, payloadHash) ? payloadHash : null,
            signedToken is not null && key is not null ? key.CanonicalToken(signedToken) : null);

        // One buffer for the whole canonical request; the headers are written in place, as the request will carry them
        // once signed, and the signed-headers list is read back from it for the Authorization value. The request is
        // only changed once the signature is known. The buffer is the thread's own (no secret key is written to it).
        var canonical = ByteBuilder.OnThreadBuffer();
        try
        {
            AppendMethodAndPath(ref canonical, request, uri, parameters);
            if (uri.Query.Length > 1 && !PlainQuery.TryAppend(ref canonical, uri.Query.AsSpan(1)))
            {
                var query = new CanonicalQuery(uri.Query, 0);
                try
                {
                    query.WriteSorted(ref canonical);
                }
                finally
                {
                    query.Dispose();
                }
            }

            canonical.Append((byte)'\n');
            Range signedHeaders = CanonicalHeaders.Append(ref canonical, request, uri, own, out FoundHeaders found);
            if (provisional && (found & FoundHeaders.ContentSha256) != 0)
            {
                return false;
            }

            canonical.Append((byte)'\n');
            canonical.Append(payloadHash);

            Span<byte> signature = stackalloc byte[SignatureWriter.MaxHexLength];
            int signatureLength = SignatureWriter.Sign(canonical.Written, amzDate, parameters, credentials, keys, signature, trace, key);
            string authorization = SignatureWriter.Authorization(credentials.AccessKey, amzDate.AsSpan(0, 8), parameters, key, canonical.Written[signedHeaders], signature[..signatureLength]);
            SetOwnHeaders(request, own, found);
            HttpRequestHeaders headers = request.Headers;
            headers.TryAddWithoutValidation(SigV4Constants.Authorization, authorization);
            if (token is not null && !parameters.SignSessionToken)
            {
                headers.TryAddWithoutValidation(SigV4Constants.AmzSecurityToken, token);
            }

            return true;
        }
        finally
        {
            canonical.Dispose();
        }
    }

    public static Uri Presign(HttpRequestMessage request, ImmutableCredentials credentials, SigV4SigningParameters parameters, string payloadHash, TimeSpan expiresIn, SigningKeys keys, SigningTrace? trace)
    {
        Uri uri = RequireAbsoluteUri(request);
        Span<char> amzDate = stackalloc char[AmzDate.Length];
        AmzDate.Format(parameters.SigningTime, amzDate);
        string? token = string.IsNullOrEmpty(credentials.Token) ? null : credentials.Token;

        var headerBlock = new ByteBuilder(1024);
        var canonical = new ByteBuilder(2048);
        var query = new CanonicalQuery(uri.Query, 6);
        try
        {
            Range signedHeaders = CanonicalHeaders.Append(ref headerBlock, request, uri);
            query.AddRaw(SigV4Constants.QueryAlgorithm, SignatureWriter.Algorithm(parameters));
            query.AddRaw(SigV4Constants.QueryCredential, Credential(credentials.AccessKey, amzDate[..8], parameters));
            query.AddRaw(SigV4Constants.QueryDate, amzDate);
            query.AddRaw(SigV4Constants.QueryExpires, ((long)expiresIn.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
            query.AddRaw(SigV4Constants.QuerySignedHeaders, headerBlock.Written[signedHeaders]);
            if (token is not null && parameters.SignSessionToken)
            {
                query.AddRaw(SigV4Constants.QuerySecurityToken, token);
            }

            if (parameters.IsSigV4a)
            {
                query.AddRaw(SigV4Constants.AmzRegionSet, parameters.EffectiveRegionSet);
            }

            AppendMethodAndPath(ref canonical, request, uri, parameters);
            int queryStart = canonical.Length;
            query.WriteSorted(ref canonical);
            int queryEnd = canonical.Length;
            canonical.Append((byte)'\n');
            canonical.Append(headerBlock.Written);
            canonical.Append((byte)'\n');
            canonical.Append(payloadHash);

            Span<byte> signature = stackalloc byte[SignatureWriter.MaxHexLength];
            int signatureLength = SignatureWriter.Sign(canonical.Written, amzDate, parameters, credentials, keys, signature, trace, SignatureWriter.Key(amzDate, parameters, credentials, keys));

            var url = new StringBuilder(uri.GetLeftPart(UriPartial.Path));
            url.Append('?').Append(Encoding.ASCII.GetString(canonical.Slice(queryStart, queryEnd - queryStart)));
            url.Append('&').Append(SigV4Constants.QuerySignature).Append('=').Append(Encoding.ASCII.GetString(signature[..signatureLength]));
            if (token is not null && !parameters.SignSessionToken)
            {
                url.Append('&').Append(SigV4Constants.QuerySecurityToken).Append('=').Append(Uri.EscapeDataString(token));
            }

            // The path is the request's wire path, the query is canonical: parse it verbatim, or System.Uri would remove dot
            // segments that were signed (S3, NormalizePath=false) and the URL would no longer match its signature.
            return new Uri(url.ToString(), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        }
        finally
        {
            query.Dispose();
            headerBlock.Dispose();
            canonical.Dispose();
        }
    }

    public static bool AddsContentSha256Header(SigV4SigningParameters parameters, string payloadHash) =>
        parameters.AddContentSha256Header ?? (SigV4Constants.RequiresContentSha256Header(parameters.Service) || payloadHash == SigV4Constants.UnsignedPayload);

    private static Uri RequireAbsoluteUri(HttpRequestMessage request) =>
        request.RequestUri is { IsAbsoluteUri: true } uri
            ? uri
            : throw new SigningException("The request URI must be absolute to be signed. Set HttpClient.BaseAddress (SignedHttpClientOptions.BaseAddress) or use an absolute URI.");

    private static void AppendMethodAndPath(ref ByteBuilder canonical, HttpRequestMessage request, Uri uri, SigV4SigningParameters parameters)
    {
        canonical.Append(request.Method.Method);
        canonical.Append((byte)'\n');
        bool normalize = parameters.NormalizePath ?? !SigV4Constants.IsS3Family(parameters.Service);
        if (normalize)
        {
            CanonicalPath.Append(ref canonical, uri.AbsolutePath, normalizeAndDoubleEncode: true);
        }
        else if (parameters.NormalizePath == false && !SigV4Constants.IsS3Family(parameters.Service))
        {
            CanonicalPath.AppendUnnormalized(ref canonical, uri.AbsolutePath);
        }
        else
        {
            CanonicalPath.Append(ref canonical, uri.AbsolutePath, normalizeAndDoubleEncode: false);
        }

        canonical.Append((byte)'\n');
    }

    /// <summary>Puts the signed values on the request in place of what <paramref name="found"/> says it carries; a header
    /// that already holds exactly the string (a request signed again within the same second) is left alone.</summary>
    private static void SetOwnHeaders(HttpRequestMessage request, in OwnHeaders own, FoundHeaders found)
    {
        HttpRequestHeaders headers = request.Headers;
        if ((found & FoundHeaders.Authorization) != 0)
        {
            headers.Remove(SigV4Constants.Authorization);
        }

        Set(headers, SigV4Constants.AmzDate, own.AmzDate, found, FoundHeaders.AmzDate, FoundHeaders.AmzDateSame);
        Set(headers, SigV4Constants.AmzSecurityToken, own.SecurityToken, found, FoundHeaders.SecurityToken, FoundHeaders.SecurityTokenSame);
        if (own.RegionSet is not null)
        {
            Set(headers, SigV4Constants.AmzRegionSet, own.RegionSet, found, FoundHeaders.RegionSet, FoundHeaders.RegionSetSame);
        }

        if (own.ContentSha256 is not null && (found & FoundHeaders.ContentSha256) == 0)
        {
            headers.TryAddWithoutValidation(SigV4Constants.AmzContentSha256, own.ContentSha256);
            request.Options.Set(AddedContentSha256, own.ContentSha256);
        }
    }

    private static void Set(HttpRequestHeaders headers, string name, string? value, FoundHeaders found, FoundHeaders present, FoundHeaders same)
    {
        if ((found & same) != 0)
        {
            return;
        }

        if ((found & present) != 0)
        {
            headers.Remove(name);
        }

        if (value is not null)
        {
            headers.TryAddWithoutValidation(name, value);
        }
    }

    private static string Credential(string accessKey, ReadOnlySpan<char> date, SigV4SigningParameters parameters) =>
        parameters.IsSigV4a
            ? $"{accessKey}/{date}/{parameters.Service}/{SigV4Constants.Terminator}"
            : $"{accessKey}/{date}/{parameters.Region}/{parameters.Service}/{SigV4Constants.Terminator}";
}
