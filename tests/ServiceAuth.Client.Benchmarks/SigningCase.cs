using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Signing;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// One request shape, prepared once for each signer: an <see cref="HttpRequestMessage"/> that is signed again on every
/// call (the signers replace their own headers), the AWSSDK.Core request objects describing the same request, and the
/// exact canonical request and string to sign for the cryptographic floor. <see cref="Verify"/> checks that all three
/// signers produce the same signature, so the comparison is like for like.
/// </summary>
internal sealed class SigningCase
{
    private static readonly IClientConfig SdkConfig = (IClientConfig)typeof(AWSSigV4Signer)
        .GetField("SharedConfig", BindingFlags.NonPublic | BindingFlags.Static)!
        .GetValue(null)!;

    private readonly SigV4Signer _ours = new();
    private readonly SigV4SigningParameters _ourParameters;
    private readonly HttpRequestMessage _ourRequest;
    private readonly HttpRequestMessage _hashRequest;

    private readonly AWSSigningRequest _facadeRequest;
    private readonly AWSSigV4Parameters _facadeParameters;
    private readonly HttpRequestMessage _facadeHttpRequest;

    private readonly AWS4Signer _aws4 = new(signPayload: true);
    private readonly DefaultRequest _aws4Request;

    private readonly byte[] _payload;
    private readonly byte[] _canonicalRequest;
    private readonly byte[] _stringToSign;
    private readonly byte[] _signingKey;
    private readonly IncrementalHash _floorSha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash _floorHmac;

    // The write floor: a request already signed once, and the three signature headers of one signature, as strings.
    private readonly HttpRequestMessage _writeRequest;
    private readonly string[] _signatureHeaderValues;

    private SigningCase(HttpMethod method, Uri uri, byte[]? body, string? contentType, bool signContentSha256 = true)
    {
        _payload = body ?? [];
        _ourParameters = new SigV4SigningParameters
        {
            Region = BenchmarkData.Region,
            Service = BenchmarkData.Service,
            SigningTime = BenchmarkData.SigningTimeUtc,

            // AWSSDK.Core always signs x-amz-content-sha256; sign it here too so the canonical requests are identical.
            AddContentSha256Header = signContentSha256,
        };
        _ourRequest = NewHttpRequest(method, uri, body, contentType);
        _hashRequest = NewHttpRequest(method, uri, body, contentType);
        _facadeHttpRequest = NewHttpRequest(method, uri, body, contentType);

        _facadeRequest = new AWSSigningRequest { HttpMethod = method, RequestUri = uri, Content = body };
        if (contentType is not null)
        {
            _facadeRequest.Headers["Content-Type"] = contentType;
        }

        _facadeParameters = new AWSSigV4Parameters
        {
            Credentials = new SessionAWSCredentials(BenchmarkData.AccessKey, BenchmarkData.SecretKey, BenchmarkData.SessionToken),
            Region = RegionEndpoint.USEast1,
            Service = BenchmarkData.Service,
            SignedAt = BenchmarkData.SigningTimeUtc,
        };

        _aws4Request = new DefaultRequest(new SdkRequestStub(), "ExecuteApi")
        {
            HttpMethod = method.Method,
            Endpoint = new Uri(uri.GetLeftPart(UriPartial.Authority)),
            ResourcePath = uri.AbsolutePath,
            AuthenticationRegion = BenchmarkData.Region,
            OverrideSigningServiceName = BenchmarkData.Service,
            UseQueryString = true,
            Content = body,
        };
        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = pair.Split('=', 2);
            _aws4Request.Parameters[parts[0]] = parts.Length > 1 ? parts[1] : string.Empty;
        }

        _aws4Request.Headers["X-Amz-Security-Token"] = BenchmarkData.SessionToken;
        if (contentType is not null)
        {
            _aws4Request.Headers["Content-Type"] = contentType;
        }

        var trace = new SigningTrace();
        HttpRequestMessage signedOnce = NewHttpRequest(method, uri, body, contentType);
        _ours.Sign(signedOnce, BenchmarkData.Credentials, _ourParameters, trace);
        _signatureHeaderValues = Array.ConvertAll(SignatureHeaderNames, name => signedOnce.Headers.NonValidated[name].ToString());
        _writeRequest = NewHttpRequest(method, uri, body, contentType);
        for (int i = 0; i < SignatureHeaderNames.Length; i++)
        {
            _writeRequest.Headers.TryAddWithoutValidation(SignatureHeaderNames[i], _signatureHeaderValues[i]);
        }

        _canonicalRequest = Encoding.UTF8.GetBytes(trace.CanonicalRequest);
        _stringToSign = Encoding.UTF8.GetBytes(trace.StringToSign);
        _signingKey = SigningKeyCache.Derive(BenchmarkData.SecretKey, "20240501", BenchmarkData.Region, BenchmarkData.Service);
        _floorHmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _signingKey);
    }

    /// <summary>Gets the three headers every SigV4 signature with a session token puts on the request.</summary>
    public static string[] SignatureHeaderNames { get; } = ["Authorization", "X-Amz-Date", "X-Amz-Security-Token"];

    public int CanonicalRequestLength => _canonicalRequest.Length;

    /// <summary>Gets the canonical request of one signature of this case, as the signer's trace gave it.</summary>
    public ReadOnlySpan<byte> CanonicalRequest => _canonicalRequest;

    /// <summary>Gets the string to sign of that signature.</summary>
    public ReadOnlySpan<byte> StringToSign => _stringToSign;

    /// <summary>Gets the derived signing key of the benchmark's credentials and date.</summary>
    public ReadOnlySpan<byte> SigningKey => _signingKey;

    public static SigningCase Get() => new(HttpMethod.Get, BenchmarkData.GetUri, null, null);

    /// <summary>The GET as our signer signs it by default for execute-api: without <c>x-amz-content-sha256</c>, so the
    /// request carries the same three signature headers as the write floor. AWSSDK.Core always signs that header, so
    /// <see cref="Verify"/> does not apply: <see cref="VerifyWithoutContentSha256"/> checks it against the verified GET.</summary>
    public static SigningCase GetWithoutContentSha256() => new(HttpMethod.Get, BenchmarkData.GetUri, null, null, signContentSha256: false);

    public static SigningCase PostJson1KiB() => new(HttpMethod.Post, BenchmarkData.PostUri, BenchmarkData.Json1KiB, "application/json");

    public static SigningCase PostBinary1MiB() => new(HttpMethod.Post, BenchmarkData.PostUri, BenchmarkData.Binary1MiB, "application/octet-stream");

    /// <summary>Our signer, signing the same request again, as a first signature.</summary>
    /// <remarks>The previous call left its headers on the request. The signer would take its <c>x-amz-content-sha256</c>
    /// for the caller's precomputed hash, and would leave an <c>X-Amz-Date</c> or <c>X-Amz-Security-Token</c> that already
    /// holds the very string it is about to set (a retry within the same second) as it is: both only because the request
    /// is reused. They are removed here, in the measured time, so that every call hashes the body and puts every header
    /// on the request, as the write floor does.</remarks>
    public HttpRequestMessage SignOurs()
    {
        HttpRequestHeaders headers = _ourRequest.Headers;
        if (_ourParameters.AddContentSha256Header == true)
        {
            headers.Remove("x-amz-content-sha256");
        }

        headers.Remove("X-Amz-Date");
        headers.Remove("X-Amz-Security-Token");
        _ours.Sign(_ourRequest, BenchmarkData.Credentials, _ourParameters);
        return _ourRequest;
    }

    /// <summary>Our signer as this benchmark measured it before the write floor (for comparison while steering): only
    /// <c>x-amz-content-sha256</c> removed, so the <c>X-Amz-Date</c> and token headers of the previous call are found
    /// holding the same strings and left in place.</summary>
    public HttpRequestMessage SignOursKeepingHeaders()
    {
        _ourRequest.Headers.Remove("x-amz-content-sha256");
        _ours.Sign(_ourRequest, BenchmarkData.Credentials, _ourParameters);
        return _ourRequest;
    }

    /// <summary>The public AWSSDK.Core facade; its headers are applied to the request, as a handler must.</summary>
    public HttpRequestMessage SignFacade()
    {
        AWSSigningResult result = AWSSigV4Signer.Sign(_facadeRequest, _facadeParameters);
        HttpRequestHeaders headers = _facadeHttpRequest.Headers;
        foreach (KeyValuePair<string, string> header in result.Headers)
        {
            headers.Remove(header.Key);
            headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return _facadeHttpRequest;
    }

    /// <summary>The internal AWSSDK.Core signer the service clients use, on a prepared <see cref="DefaultRequest"/>.</summary>
    public string SignAws4()
    {
        AWS4SigningResult result = _aws4.SignRequest(_aws4Request, SdkConfig, null, BenchmarkData.AccessKey, BenchmarkData.SecretKey, BenchmarkData.SigningTimeUtc);
        string authorization = result.ForAuthorizationHeader;
        _aws4Request.Headers["Authorization"] = authorization;
        return authorization;
    }

    /// <summary>The hash floor, the cryptographic work on reused native contexts: SHA-256 of the payload (when there is
    /// one) and of the canonical request on one <see cref="IncrementalHash"/> reset after each use, and one HMAC on an
    /// <see cref="IncrementalHash"/> keyed once with the cached signing key. Nothing else.</summary>
    public byte ReusedContextFloor()
    {
        Span<byte> digest = stackalloc byte[32];
        if (_payload.Length > 0)
        {
            _floorSha256.AppendData(_payload);
            _floorSha256.GetHashAndReset(digest);
        }

        _floorSha256.AppendData(_canonicalRequest);
        _floorSha256.GetHashAndReset(digest);
        _floorHmac.AppendData(_stringToSign);
        _floorHmac.GetHashAndReset(digest);
        return digest[0];
    }

    /// <summary>The write floor: <see cref="ReusedContextFloor"/>, then the three signature headers (precomputed strings)
    /// put on a prepared request in place of the previous ones, as any handler signing a request must do. The request
    /// is reused, as our signer's is.</summary>
    public byte WriteFloor()
    {
        byte result = ReusedContextFloor();
        HttpRequestHeaders headers = _writeRequest.Headers;
        string[] names = SignatureHeaderNames;
        string[] values = _signatureHeaderValues;
        for (int i = 0; i < names.Length; i++)
        {
            headers.Remove(names[i]);
            headers.TryAddWithoutValidation(names[i], values[i]);
        }

        return result;
    }

    /// <summary>The same three operations as one-shot calls (<c>SHA256.HashData</c>, <c>HMACSHA256.HashData</c>), each
    /// setting up its own native context (and the HMAC its pads): the floor docs/performance.md used before; it also
    /// hashes the empty GET payload, which no signer does.</summary>
    public byte OneShotFloor()
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(_payload, digest);
        SHA256.HashData(_canonicalRequest, digest);
        HMACSHA256.HashData(_signingKey, _stringToSign, digest);
        return digest[0];
    }

    /// <summary>The write floor of this GET with its hashes on OpenSSL directly (<see cref="OpenSslWriteFloor"/>).</summary>
    public OpenSslWriteFloor OpenSslFloor() => new(_canonicalRequest, _stringToSign, _signingKey, _writeRequest.RequestUri!, _signatureHeaderValues);

    /// <summary>Only the payload hash, as our signer computes it.</summary>
    public string HashPayloadOurs() => PayloadHasher.Get(_hashRequest, _ourParameters, CancellationToken.None);

    /// <summary>The raw SHA-256 of the payload bytes.</summary>
    public byte HashPayloadRaw()
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(_payload, digest);
        return digest[0];
    }

    /// <summary>Throws unless the three signers produce the same signature for this request.</summary>
    public void Verify()
    {
        string ours = SignatureOf(SignOurs().Headers.NonValidated["Authorization"].ToString());
        string facade = SignatureOf(SignFacade().Headers.NonValidated["Authorization"].ToString());
        string aws4 = SignatureOf(SignAws4());
        if (ours != facade || ours != aws4)
        {
            throw new InvalidOperationException(
                $"The signers disagree. Ours: {Describe(SignOurs())}; AWSSigV4Signer: {Describe(SignFacade())}; AWS4Signer: {SignAws4()}");
        }
    }

    private static HttpRequestMessage NewHttpRequest(HttpMethod method, Uri uri, byte[]? body, string? contentType)
    {
        var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return request;
    }

    internal static string SignatureOf(string authorization) => authorization[(authorization.LastIndexOf('=') + 1)..];

    // Signed-headers lists only: no secrets, no token.
    internal static string Describe(HttpRequestMessage request)
    {
        string authorization = request.Headers.NonValidated["Authorization"].ToString();
        int start = authorization.IndexOf("SignedHeaders=", StringComparison.Ordinal);
        return authorization[start..];
    }
}
