namespace ServiceAuth.Client.Signing.Internal;

/// <summary>What a signing handler needs of its options, resolved once: region and service (set or inferred), the
/// payload mode, and the headers it adds.</summary>
internal sealed class SigningSettings
{
    private const string ApiKeyHeader = "x-api-key";
    private const string ApiIdHeader = "x-apigw-api-id";

    public string? Region { get; init; }

    public string? Service { get; init; }

    public PayloadSigningMode PayloadSigning { get; init; }

    public long MaxBufferedPayloadBytes { get; init; } = SigV4Defaults.MaxBufferedPayloadBytes;

    public bool AllowInsecureHttp { get; init; }

    public string? ApiKey { get; init; }

    public string? ApiGatewayApiId { get; init; }

    /// <summary>The hosts credentials may go to: <see langword="null"/> (any) without a BaseAddress.</summary>
    public IReadOnlySet<string>? SignedHosts { get; init; }

    public static SigningSettings From(SignedHttpClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        AwsEndpoint.TryInfer(options.BaseAddress, out string region, out string service);
        return new SigningSettings
        {
            Region = options.Region ?? (region.Length > 0 ? region : null),
            Service = options.Service ?? (service.Length > 0 ? service : null),
            PayloadSigning = options.PayloadSigning,
            MaxBufferedPayloadBytes = options.MaxBufferedPayloadBytes,
            AllowInsecureHttp = options.AllowInsecureHttp,
            ApiKey = options.ApiKey,
            ApiGatewayApiId = options.ApiGatewayApiId,
            SignedHosts = options.BaseAddress is { IsAbsoluteUri: true } baseAddress
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

    public SigV4SigningParameters ParametersFor(Uri uri, DateTimeOffset signingTime)
    {
        string? region = Region;
        string? service = Service;
        if ((region is null || service is null) && AwsEndpoint.TryInfer(uri, out string inferredRegion, out string inferredService))
        {
            region ??= inferredRegion;
            service ??= inferredService;
        }

        if (region is null || service is null)
        {
            throw new SigningException($"No {(region is null ? "Region" : "Service")} to sign '{uri.Host}' for: set SignedHttpClientOptions.Region and .Service (for example \"eu-west-1\" and \"execute-api\").");
        }

        return new SigV4SigningParameters
        {
            Region = region,
            Service = service,
            SigningTime = signingTime,
            PayloadSigning = PayloadSigning,
            MaxBufferedPayloadBytes = MaxBufferedPayloadBytes,
        };
    }
}
