using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Signing;

/// <summary>
/// A <see cref="DelegatingHandler"/> that signs every request with SigV4: it resolves the credentials on every send, takes
/// the time from a <see cref="TimeProvider"/>, and replaces earlier signing headers, so a request retried by an outer
/// handler is signed afresh.
/// </summary>
/// <remarks>
/// <para>Put it innermost, directly above the primary handler: a retry or resilience handler must sit outside it so
/// that every attempt is signed, and redirects must not be followed below it (turn <c>AllowAutoRedirect</c> off on the
/// primary handler), because a redirected request would carry the old host's signature. <c>AddSignedHttpClient</c>
/// does both for you.</para>
/// <para>Plain <c>http://</c> is refused unless the host is loopback or
/// <see cref="SignedHttpClientOptions.AllowInsecureHttp"/> is set.</para>
/// </remarks>
public sealed class SigV4SigningHandler : DelegatingHandler
{
    private readonly AWSCredentials _credentials;
    private readonly SigningSettings _settings;
    private readonly SigV4Signer _signer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="SigV4SigningHandler"/> class. Set
    /// <see cref="DelegatingHandler.InnerHandler"/> (for example a <see cref="SocketsHttpHandler"/> with
    /// <c>AllowAutoRedirect = false</c>) before use.</summary>
    /// <param name="options">What to sign for and with; <see cref="SignedHttpClientOptions.AssumeRole"/> needs
    /// <c>AddSignedHttpClient</c>.</param>
    /// <param name="timeProvider">The signing clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    public SigV4SigningHandler(SignedHttpClientOptions options, TimeProvider? timeProvider = null, ILogger<SigV4SigningHandler>? logger = null)
        : this(SigningSettings.From(options), ResolveCredentials(options), SigV4Signer.Shared, timeProvider, logger)
    {
    }

    internal SigV4SigningHandler(SigningSettings settings, AWSCredentials credentials, SigV4Signer signer, TimeProvider? timeProvider, ILogger? logger)
    {
        _settings = settings;
        _credentials = credentials;
        _signer = signer;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Uri uri;
        try
        {
            uri = _settings.Prepare(request);
            ImmutableCredentials credentials = await _credentials.GetCredentialsAsync().ConfigureAwait(false);
            await _signer.SignAsync(request, credentials, _settings.ParametersFor(uri, _timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch (SigningException e)
        {
            LogFailed(request, e);
            throw;
        }

        LogSigned(request, uri);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Uri uri;
        try
        {
            uri = _settings.Prepare(request);
            ImmutableCredentials credentials = _credentials.GetCredentials();
            _signer.Sign(request, credentials, _settings.ParametersFor(uri, _timeProvider.GetUtcNow()));
        }
        catch (SigningException e)
        {
            LogFailed(request, e);
            throw;
        }

        LogSigned(request, uri);
        return base.Send(request, cancellationToken);
    }

    private static AWSCredentials ResolveCredentials(SignedHttpClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AssumeRole is not null)
        {
            throw new ArgumentException("SignedHttpClientOptions.AssumeRole needs the credential cache that services.AddSignedHttpClient(...) registers; without DI, pass the assumed-role AWSCredentials as Credentials.", nameof(options));
        }

        return options.Credentials ?? DefaultChainCredentials.Instance;
    }

    private void LogFailed(HttpRequestMessage request, SigningException exception)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            string endpoint = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Path) : request.RequestUri?.OriginalString ?? "(no URI)";
            Log.SigningFailed(_logger, request.Method.Method, endpoint, exception.Message);
        }
    }

    private void LogSigned(HttpRequestMessage request, Uri uri)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            SigV4SigningParameters parameters = _settings.ParametersFor(uri, default);
            Log.RequestSigned(_logger, request.Method.Method, uri.GetLeftPart(UriPartial.Path), parameters.Service, parameters.Region);
        }
    }
}
