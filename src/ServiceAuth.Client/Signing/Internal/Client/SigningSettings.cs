using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Signing.Internal.Client;

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

    /// <summary>The hosts credentials may go to, bound when the handler is built: the BaseAddress's host and
    /// <see cref="SignedHttpClientOptions.AdditionalSignedHosts"/>. Empty when a factory client bound none: then nothing
    /// is signed (a BaseAddress set later, in a typed client's constructor, is invisible here, so it fails closed).
    /// <see langword="null"/> (any host) only for a handler built by hand from options that name no host.</summary>
    public IReadOnlySet<string>? SignedHosts { get; init; }

    /// <param name="options">The client's options.</param>
    /// <param name="clientBaseAddress">The HttpClient's own BaseAddress (set with <c>ConfigureHttpClient</c>), which binds
    /// credentials to its host when <see cref="SignedHttpClientOptions.BaseAddress"/> is not set.</param>
    /// <param name="factoryClient">Whether the handler serves an <c>IHttpClientFactory</c> client (named or typed), whose
    /// HttpClient the handler never sees: with no host bound, it signs nothing instead of anything.</param>
    public static SigningSettings From(SignedHttpClientOptions options, Uri? clientBaseAddress = null, bool factoryClient = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        AwsEndpoint.TryInfer(options.BaseAddress, out string region, out string service);
        HashSet<string> hosts = BoundHosts(options.BaseAddress ?? clientBaseAddress, options.AdditionalSignedHosts);
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
            SignedHosts = hosts.Count == 0 && !factoryClient ? null : hosts,
        };
    }

    /// <summary>The hosts a client binds at startup: its BaseAddress's host and the hosts it names. Shared by the
    /// signing and the identity-token handlers.</summary>
    public static HashSet<string> BoundHosts(Uri? baseAddress, IEnumerable<string> namedHosts)
    {
        var hosts = new HashSet<string>(namedHosts, StringComparer.OrdinalIgnoreCase);
        if (baseAddress is { IsAbsoluteUri: true })
        {
            hosts.Add(baseAddress.IdnHost);
        }

        return hosts;
    }

    /// <summary>The one rule for credentials over plain transport, for signed HttpClients and WebSocket handshakes:
    /// <c>https</c>/<c>wss</c>, or a loopback host, or <paramref name="allowInsecureHttp"/>.</summary>
    /// <param name="uri">Where the credentials would go.</param>
    /// <param name="allowInsecureHttp">Whether the caller allowed plain transport to other hosts.</param>
    /// <param name="setting">The setting that allows it, named in the message.</param>
    public static void RequireSecureTransport(Uri uri, bool allowInsecureHttp, string setting)
    {
        if (uri.Scheme is not ("https" or "wss") && !uri.IsLoopback && !allowInsecureHttp)
        {
            throw new SigningException($"Refusing to sign a plain {uri.Scheme}:// request to '{uri.Host}': signed requests go over HTTPS. Use {(uri.Scheme is "ws" ? "wss" : "https")}://, or set {setting} = true for a trusted network.");
        }
    }

    /// <summary>Checks the URI and adds the API key and API id headers; returns the request URI.</summary>
    public Uri Prepare(HttpRequestMessage request)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            throw new SigningException("The request URI must be absolute to be signed. Set SignedHttpClientOptions.BaseAddress (HttpClient.BaseAddress) or use an absolute URI.");
        }

        RequireSecureTransport(uri, AllowInsecureHttp, "SignedHttpClientOptions.AllowInsecureHttp");
        if (SignedHosts is { Count: 0 })
        {
            throw new SigningException($"Refusing to sign a request to '{uri.Host}': this client has no host bound at startup, so it signs for none (a BaseAddress set on the HttpClient in a typed client's constructor is not seen by the signing handler). Set SignedHttpClientOptions.BaseAddress, or the HttpClient's BaseAddress with ConfigureHttpClient, or name the hosts in SignedHttpClientOptions.AdditionalSignedHosts.");
        }

        if (SignedHosts is not null && !SignedHosts.Contains(uri.IdnHost))
        {
            throw new SigningException($"Refusing to sign a request to '{uri.Host}': this client signs only for the hosts bound at startup (its BaseAddress host and AdditionalSignedHosts), so no credentials reach another host. Add the host to SignedHttpClientOptions.AdditionalSignedHosts if it should receive them.");
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
