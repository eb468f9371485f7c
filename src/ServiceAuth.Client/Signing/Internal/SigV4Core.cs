using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>The signature itself, once the payload hash is known: canonical request, string to sign, HMAC.</summary>
internal static class SigV4Core
{
    /// <summary>Marks an <c>x-amz-content-sha256</c> header this signer added, so a later signing recomputes it rather than
    /// taking it for the caller's precomputed hash.</summary>
    private static readonly HttpRequestOptionsKey<string> AddedContentSha256 = new("ServiceAuth.Client.AddedContentSha256");

    /// <summary>Removes the <c>x-amz-content-sha256</c> header an earlier signing added; a caller's own is kept.</summary>
    public static void RemoveOwnContentSha256(HttpRequestMessage request)
    {
        if (request.Headers.NonValidated.TryGetValues(SigV4Constants.AmzContentSha256, out HeaderStringValues values) &&
            request.Options.TryGetValue(AddedContentSha256, out string? added) &&
            string.Equals(HeaderValue.ToWireString(values), added, StringComparison.Ordinal))
        {
            request.Headers.Remove(SigV4Constants.AmzContentSha256);
            request.Options.Remove(AddedContentSha256.Key, out _);
        }
    }

    public static void SignHeaders(HttpRequestMessage request, ImmutableCredentials credentials, SigV4SigningParameters parameters, string payloadHash, SigningKeyCache keys, SigningTrace? trace)
    {
        Uri uri = RequireAbsoluteUri(request);
        HttpRequestHeaders headers = request.Headers;
        headers.Remove(SigV4Constants.Authorization);
        headers.Remove(SigV4Constants.AmzDate);
        headers.Remove(SigV4Constants.AmzSecurityToken);

        Span<char> amzDate = stackalloc char[AmzDate.Length];
        AmzDate.Format(parameters.SigningTime, amzDate);
        headers.TryAddWithoutValidation(SigV4Constants.AmzDate, new string(amzDate));
        string? token = string.IsNullOrEmpty(credentials.Token) ? null : credentials.Token;
        if (token is not null && parameters.SignSessionToken)
        {
            headers.TryAddWithoutValidation(SigV4Constants.AmzSecurityToken, token);
        }

        if (AddsContentSha256Header(parameters, payloadHash) && !headers.NonValidated.Contains(SigV4Constants.AmzContentSha256))
        {
            headers.TryAddWithoutValidation(SigV4Constants.AmzContentSha256, payloadHash);
            request.Options.Set(AddedContentSha256, payloadHash);
        }

        var headerBlock = new ByteBuilder(1024);
        var canonical = new ByteBuilder(2048);
        try
        {
            Range signedHeaders = CanonicalHeaders.Append(ref headerBlock, request, uri);
            AppendMethodAndPath(ref canonical, request, uri, parameters);
            var query = new CanonicalQuery(uri.Query, 0);
            try
            {
                query.WriteSorted(ref canonical);
            }
            finally
            {
                query.Dispose();
            }

            canonical.Append((byte)'\n');
            canonical.Append(headerBlock.Written);
            canonical.Append((byte)'\n');
            canonical.Append(payloadHash);

            Span<byte> signature = stackalloc byte[64];
            ComputeSignature(canonical.Written, amzDate, parameters, keys.GetSigningKey(credentials.SecretKey, amzDate[..8], parameters.Region, parameters.Service), signature, trace);
            headers.TryAddWithoutValidation(SigV4Constants.Authorization, BuildAuthorization(credentials.AccessKey, amzDate[..8], parameters, headerBlock.Written[signedHeaders], signature));
            if (token is not null && !parameters.SignSessionToken)
            {
                headers.TryAddWithoutValidation(SigV4Constants.AmzSecurityToken, token);
            }
        }
        finally
        {
            headerBlock.Dispose();
            canonical.Dispose();
        }
    }

    public static Uri Presign(HttpRequestMessage request, ImmutableCredentials credentials, SigV4SigningParameters parameters, string payloadHash, TimeSpan expiresIn, SigningKeyCache keys, SigningTrace? trace)
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
            query.AddRaw(SigV4Constants.QueryAlgorithm, SigV4Constants.Algorithm);
            query.AddRaw(SigV4Constants.QueryCredential, $"{credentials.AccessKey}/{amzDate[..8]}/{parameters.Region}/{parameters.Service}/{SigV4Constants.Terminator}");
            query.AddRaw(SigV4Constants.QueryDate, amzDate);
            query.AddRaw(SigV4Constants.QueryExpires, ((long)expiresIn.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
            query.AddRaw(SigV4Constants.QuerySignedHeaders, headerBlock.Written[signedHeaders]);
            if (token is not null && parameters.SignSessionToken)
            {
                query.AddRaw(SigV4Constants.QuerySecurityToken, token);
            }

            AppendMethodAndPath(ref canonical, request, uri, parameters);
            int queryStart = canonical.Length;
            query.WriteSorted(ref canonical);
            int queryEnd = canonical.Length;
            canonical.Append((byte)'\n');
            canonical.Append(headerBlock.Written);
            canonical.Append((byte)'\n');
            canonical.Append(payloadHash);

            Span<byte> signature = stackalloc byte[64];
            ComputeSignature(canonical.Written, amzDate, parameters, keys.GetSigningKey(credentials.SecretKey, amzDate[..8], parameters.Region, parameters.Service), signature, trace);

            var url = new StringBuilder(uri.GetLeftPart(UriPartial.Path));
            url.Append('?').Append(Encoding.ASCII.GetString(canonical.Slice(queryStart, queryEnd - queryStart)));
            url.Append('&').Append(SigV4Constants.QuerySignature).Append('=').Append(Encoding.ASCII.GetString(signature));
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

    private static void ComputeSignature(ReadOnlySpan<byte> canonicalRequest, ReadOnlySpan<char> amzDate, SigV4SigningParameters parameters, SigningKey key, Span<byte> signatureHex, SigningTrace? trace)
    {
        Span<byte> digest = stackalloc byte[32];

        // A pooled incremental hash: the one-shot SHA256.HashData sets up and tears down a native context per call.
        HashingStream sha256 = HashingStream.Rent();
        sha256.Write(canonicalRequest);
        sha256.GetHashAndReset(digest);
        HashingStream.Return(sha256);

        var stringToSign = new ByteBuilder(256);
        try
        {
            stringToSign.Append(SigV4Constants.AlgorithmUtf8);
            stringToSign.Append((byte)'\n');
            stringToSign.Append(amzDate);
            stringToSign.Append((byte)'\n');
            stringToSign.Append(amzDate[..8]);
            stringToSign.Append((byte)'/');
            stringToSign.Append(parameters.Region);
            stringToSign.Append((byte)'/');
            stringToSign.Append(parameters.Service);
            stringToSign.Append((byte)'/');
            stringToSign.Append(SigV4Constants.TerminatorUtf8);
            stringToSign.Append((byte)'\n');
            Hex.EncodeLower(digest, stringToSign.AppendSpan(64));

            key.ComputeHmac(stringToSign.Written, digest);
            Hex.EncodeLower(digest, signatureHex);
            if (trace is not null)
            {
                trace.CanonicalRequest = Encoding.UTF8.GetString(canonicalRequest);
                trace.StringToSign = Encoding.UTF8.GetString(stringToSign.Written);
                trace.Signature = Encoding.ASCII.GetString(signatureHex);
            }
        }
        finally
        {
            stringToSign.Dispose();
        }
    }

    private static string BuildAuthorization(string accessKey, ReadOnlySpan<char> date, SigV4SigningParameters parameters, ReadOnlySpan<byte> signedHeaders, ReadOnlySpan<byte> signature)
    {
        // "AWS4-HMAC-SHA256 Credential=" + "/yyyyMMdd/" + "/" + "/aws4_request" + ", SignedHeaders=" + ", Signature=" + 64 hex
        // digits come to 144 characters besides the variable parts; 160 leaves room.
        int length = 160 + accessKey.Length + parameters.Region.Length + parameters.Service.Length + signedHeaders.Length;
        char[]? rented = null;
        Span<char> buffer = length <= 1024 ? stackalloc char[length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length));
        try
        {
            int n = 0;
            Write(buffer, ref n, SigV4Constants.Algorithm);
            Write(buffer, ref n, " Credential=");
            Write(buffer, ref n, accessKey);
            buffer[n++] = '/';
            Write(buffer, ref n, date);
            buffer[n++] = '/';
            Write(buffer, ref n, parameters.Region);
            buffer[n++] = '/';
            Write(buffer, ref n, parameters.Service);
            buffer[n++] = '/';
            Write(buffer, ref n, SigV4Constants.Terminator);
            Write(buffer, ref n, ", SignedHeaders=");
            n += Encoding.ASCII.GetChars(signedHeaders, buffer[n..]);
            Write(buffer, ref n, ", Signature=");
            n += Encoding.ASCII.GetChars(signature, buffer[n..]);
            return new string(buffer[..n]);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    private static void Write(Span<char> buffer, ref int position, ReadOnlySpan<char> value)
    {
        value.CopyTo(buffer[position..]);
        position += value.Length;
    }
}
