using ServiceAuth.Client.Signing;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>What a signing handler needs of its options, resolved once: region and service (set or inferred), the
/// payload mode, and the headers it adds.</summary>
internal sealed class SigningSettings
{
    private const string ApiKeyHeader = "x-api-key";
    private const string ApiIdHeader = "x-apigw-api-id";

    private volatile SigV4SigningParameters? _last;

    public string? Region { get; init; }

    public string? Service { get; init; }

    public SignatureAlgorithm Algorithm { get; init; }

    public string? RegionSet { get; init; }

    public PayloadSigningMode PayloadSigning { get; init; }

    public long MaxBufferedPayloadBytes { get; init; } = SigV4Defaults.MaxBufferedPayloadBytes;

    public bool AllowInsecureHttp { get; init; }

    public string? ApiKey { get; init; }

    public string? ApiGatewayApiId { get; init; }

    /// <summary>The hosts credentials may go to: <see langword="null"/> (any) without a BaseAddress.</summary>
    public IReadOnlySet<string>? SignedHosts { get; init; }

    /// <param name="options">The client's options.</param>
    /// <param name="clientBaseAddress">The HttpClient's own BaseAddress (set with <c>ConfigureHttpClient</c>), which binds
    /// credentials to its host when <see cref="SignedHttpClientOptions.BaseAddress"/> is not set.</param>
    public static SigningSettings From(SignedHttpClientOptions options, Uri? clientBaseAddress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        AwsEndpoint.TryInfer(options.BaseAddress, out string region, out string service);
        return new SigningSettings
        {
            Region = options.Region ?? (region.Length > 0 ? region : null),
            Service = options.Service ?? (service.Length > 0 ? service : null),
            Algorithm = options.Algorithm,
            RegionSet = options.RegionSet,
            PayloadSigning = options.PayloadSigning,
            MaxBufferedPayloadBytes = options.MaxBufferedPayloadBytes,
            AllowInsecureHttp = options.AllowInsecureHttp,
            ApiKey = options.ApiKey,
            ApiGatewayApiId = options.ApiGatewayApiId,
            SignedHosts = (options.BaseAddress ?? clientBaseAddress) is { IsAbsoluteUri: true } baseAddress
                ? new HashSet<string>([baseAddress.IdnHost, .. options.AdditionalSignedHosts], StringComparer.OrdinalIgnoreCase)
                : null,
        };
    }

    /// <summary>Checks the URI and adds the API key and API id headers; returns the request URI.</summary>
    public Uri Prepare(HttpRequestMessage request)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            throw new SigningException("The request URI must be absolute to be signed. Set SignedHttpClientOptions.BaseAddress (HttpClient.BaseAddress) or use an absolute URI.");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback && !AllowInsecureHttp)
        {
            throw new SigningException($"Refusing to sign a plain {uri.Scheme}:// request to '{uri.Host}': signed requests go over HTTPS. Use https://, or set SignedHttpClientOptions.AllowInsecureHttp = true for a trusted network.");
        }

        if (SignedHosts is not null && !SignedHosts.Contains(uri.IdnHost))
        {
            throw new SigningException($"Refusing to sign a request to '{uri.Host}': this client signs only for its BaseAddress host{(SignedHosts.Count > 1 ? " and its AdditionalSignedHosts" : string.Empty)}, so no credentials reach another host. Add the host to SignedHttpClientOptions.AdditionalSignedHosts if it should receive them.");
        }

        if (ApiKey is not null)
        {
            request.Headers.Remove(ApiKeyHeader);
            request.Headers.TryAddWithoutValidation(ApiKeyHeader, ApiKey);
        }

        if (ApiGatewayApiId is not null)
        {
            request.Headers.Remove(ApiIdHeader);
            request.Headers.TryAddWithoutValidation(ApiIdHeader, ApiGatewayApiId);
        }

        return uri;
    }

    /// <summary>The parameters to sign <paramref name="request"/> with: the request's own overrides
    /// (<see cref="SigV4DelegatingHandler.RegionOptionKey"/> and the other keys) first, then the client's settings, then
    /// what the host name tells.</summary>
    public SigV4SigningParameters ParametersFor(HttpRequestMessage request, Uri uri, DateTimeOffset signingTime)
    {
        string? region = request.Options.TryGetValue(SigV4DelegatingHandler.RegionOptionKey, out string? r) && !string.IsNullOrEmpty(r) ? r : Region;
        string? service = request.Options.TryGetValue(SigV4DelegatingHandler.ServiceOptionKey, out string? s) && !string.IsNullOrEmpty(s) ? s : Service;
        PayloadSigningMode payload = request.Options.TryGetValue(SigV4DelegatingHandler.PayloadSigningOptionKey, out PayloadSigningMode p) ? p : PayloadSigning;
        if ((region is null || service is null) && AwsEndpoint.TryInfer(uri, out string inferredRegion, out string inferredService))
        {
            region ??= inferredRegion;
            service ??= inferredService;
        }

        if (region is null && Algorithm == SignatureAlgorithm.SigV4a)
        {
            // The SigV4a scope has no region: the region set stands in for it.
            region = RegionSet;
        }

        if (region is null || service is null)
        {
            throw new SigningException($"No {(region is null ? "Region" : "Service")} to sign '{uri.Host}' for: set SignedHttpClientOptions.Region and .Service (for example \"eu-west-1\" and \"execute-api\").");
        }

        // Signatures use the signing time's UTC second only: requests signed within one second for the same scope share
        // one parameters object instead of allocating their own.
        SigV4SigningParameters? last = _last;
        if (last is not null &&
            last.SigningTime.UtcTicks / TimeSpan.TicksPerSecond == signingTime.UtcTicks / TimeSpan.TicksPerSecond &&
            string.Equals(last.Region, region, StringComparison.Ordinal) &&
            string.Equals(last.Service, service, StringComparison.Ordinal) &&
            last.PayloadSigning == payload)
        {
            return last;
        }

        return _last = new SigV4SigningParameters
        {
            Region = region,
            Service = service,
            SigningTime = signingTime,
            Algorithm = Algorithm,
            RegionSet = RegionSet,
            PayloadSigning = payload,
            MaxBufferedPayloadBytes = MaxBufferedPayloadBytes,
        };
    }
}
