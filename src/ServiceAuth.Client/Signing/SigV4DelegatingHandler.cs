using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

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
/// <para>When the target rejects the credentials just used (<c>ExpiredToken</c>, <c>ExpiredTokenException</c>,
/// <c>InvalidToken</c>, <c>InvalidClientTokenId</c>), cached assumed-role credentials holding that key are dropped and the
/// request is signed with fresh ones and sent once more. On a clock-skew error (<c>RequestTimeTooSkewed</c>,
/// <c>RequestExpired</c>, <c>RequestInTheFuture</c>, or a signature error whose <c>Date</c> is more than 4 minutes from
/// our clock) the endpoint's clock offset is recorded and the request is signed with the corrected time and sent once
/// more. Either happens only when the body can be sent again (none, or in memory, which includes bodies the signer
/// buffered), and only on <see cref="HttpClient.SendAsync(HttpRequestMessage, CancellationToken)"/>.</para>
/// <para>Plain <c>http://</c> is refused unless the host is loopback or
/// <see cref="SignedHttpClientOptions.AllowInsecureHttp"/> is set. Credentials go only to the hosts bound when the
/// handler is built: <see cref="SignedHttpClientOptions.BaseAddress"/>'s host and
/// <see cref="SignedHttpClientOptions.AdditionalSignedHosts"/>. A handler built by hand from options that name neither
/// signs any absolute URI; a client of <c>AddSignedHttpClient</c> or <c>AddSigV4Signing</c> (also bound to a BaseAddress
/// set with <c>ConfigureHttpClient</c>) signs nothing until it names a host, because a BaseAddress set in a typed
/// client's constructor cannot be seen.</para>
/// </remarks>
public sealed class SigV4DelegatingHandler : DelegatingHandler
{
    /// <summary>Overrides the signing region for one request: <c>request.Options.Set(SigV4DelegatingHandler.RegionOptionKey, "us-west-2")</c>.</summary>
    public static readonly HttpRequestOptionsKey<string> RegionOptionKey = new("ServiceAuth.Client.SigV4.Region");

    /// <summary>Overrides the signing service name for one request: <c>request.Options.Set(SigV4DelegatingHandler.ServiceOptionKey, "lambda")</c>.</summary>
    public static readonly HttpRequestOptionsKey<string> ServiceOptionKey = new("ServiceAuth.Client.SigV4.Service");

    /// <summary>Overrides the payload signing mode for one request, for example <see cref="PayloadSigningMode.UnsignedPayload"/> for one large upload.</summary>
    public static readonly HttpRequestOptionsKey<PayloadSigningMode> PayloadSigningOptionKey = new("ServiceAuth.Client.SigV4.PayloadSigning");

    private readonly AWSCredentials _credentials;
    private readonly SigningSettings _settings;
    private readonly SigV4Signer _signer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ClockSkewRegistry _skew;
    private readonly RetryMetrics _retryMetrics;
    private readonly ClockSkewMetrics _skewMetrics;

    /// <summary>Initializes a new instance of the <see cref="SigV4DelegatingHandler"/> class. Set
    /// <see cref="DelegatingHandler.InnerHandler"/> (for example a <see cref="SocketsHttpHandler"/> with
    /// <c>AllowAutoRedirect = false</c>) before use.</summary>
    /// <param name="options">What to sign for and with; <see cref="SignedHttpClientOptions.AssumeRole"/> needs
    /// <c>AddSignedHttpClient</c>.</param>
    /// <param name="timeProvider">The signing clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    public SigV4DelegatingHandler(SignedHttpClientOptions options, TimeProvider? timeProvider = null, ILogger<SigV4DelegatingHandler>? logger = null)
        : this(SigningSettings.From(options), ResolveCredentials(options), SigV4Signer.Shared, timeProvider, logger, new ClockSkewRegistry(timeProvider))
    {
    }

    internal SigV4DelegatingHandler(
        SigningSettings settings, AWSCredentials credentials, SigV4Signer signer, TimeProvider? timeProvider, ILogger? logger, ClockSkewRegistry skew,
        RetryMetrics? retryMetrics = null, ClockSkewMetrics? skewMetrics = null)
    {
        _skew = skew;
        _retryMetrics = retryMetrics ?? RetryMetrics.Shared;
        _skewMetrics = skewMetrics ?? ClockSkewMetrics.Shared;
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
        ImmutableCredentials credentials;
        try
        {
            uri = _settings.Prepare(request);
            credentials = await CredentialsWait.GetAsync(_credentials, cancellationToken).ConfigureAwait(false);
            await ReplayableContent.RewindAsync(request, cancellationToken).ConfigureAwait(false);
            await _signer.SignAsync(request, credentials, _settings.ParametersFor(request, uri, SigningTime(uri)), cancellationToken).ConfigureAwait(false);
        }
        catch (SigningException e)
        {
            LogFailed(request, e);
            throw;
        }

        LogSigned(request, uri);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode is not (400 or 401 or 403))
        {
            return response;
        }

        return await RecoverAsync(request, uri, credentials, response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Uri uri;
        ImmutableCredentials credentials;
        try
        {
            uri = _settings.Prepare(request);
            credentials = CredentialsWait.Get(_credentials, cancellationToken);
            ReplayableContent.Rewind(request, cancellationToken);
            _signer.Sign(request, credentials, _settings.ParametersFor(request, uri, SigningTime(uri)));
        }
        catch (SigningException e)
        {
            LogFailed(request, e);
            throw;
        }

        LogSigned(request, uri);
        HttpResponseMessage response = base.Send(request, cancellationToken);
        return (int)response.StatusCode is 400 or 401 or 403 ? Recover(request, uri, credentials, response, cancellationToken) : response;
    }

    private async ValueTask<ImmutableCredentials> SignAsync(HttpRequestMessage request, Uri uri, CancellationToken cancellationToken)
    {
        ImmutableCredentials credentials = await CredentialsWait.GetAsync(_credentials, cancellationToken).ConfigureAwait(false);
        await ReplayableContent.RewindAsync(request, cancellationToken).ConfigureAwait(false);
        await _signer.SignAsync(request, credentials, _settings.ParametersFor(request, uri, SigningTime(uri)), cancellationToken).ConfigureAwait(false);
        LogSigned(request, uri);
        return credentials;
    }

    private DateTimeOffset SigningTime(Uri uri) => _timeProvider.GetUtcNow() + _skew.Get(uri);

    private async Task<HttpResponseMessage> RecoverAsync(HttpRequestMessage request, Uri uri, ImmutableCredentials used, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? code;
        try
        {
            code = await AwsErrorResponse.ReadCodeAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            response.Dispose();
            throw;
        }

        if (RecoveryReason(request, uri, used, response, code) is not { } reason)
        {
            return response;
        }

        response.Dispose();
        _retryMetrics.Retried(reason);
        await SignAsync(request, uri, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private HttpResponseMessage Recover(HttpRequestMessage request, Uri uri, ImmutableCredentials used, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? code = AwsErrorResponse.ReadCode(response, cancellationToken);
        if (RecoveryReason(request, uri, used, response, code) is not { } reason)
        {
            return response;
        }

        response.Dispose();
        _retryMetrics.Retried(reason);
        ImmutableCredentials credentials = CredentialsWait.Get(_credentials, cancellationToken);
        ReplayableContent.Rewind(request, cancellationToken);
        _signer.Sign(request, credentials, _settings.ParametersFor(request, uri, SigningTime(uri)));
        LogSigned(request, uri);
        return base.Send(request, cancellationToken);
    }

    /// <summary>Why the request is worth signing and sending once more (rejected credentials now invalidated, or a clock
    /// offset now recorded), or <see langword="null"/> to hand the answer back as it is.</summary>
    private string? RecoveryReason(HttpRequestMessage request, Uri uri, ImmutableCredentials used, HttpResponseMessage response, string? code)
    {
        AwsErrorKind kind = code is null && response.StatusCode == System.Net.HttpStatusCode.Forbidden && request.Method == HttpMethod.Head
            ? AwsErrorKind.PossibleClockSkew
            : AwsErrorClassifier.Classify((int)response.StatusCode, code);
        string? reason = kind switch
        {
            AwsErrorKind.RejectedCredentials when _credentials is IInvalidatableCredentials cache => Invalidate(cache, used, uri, code!),
            AwsErrorKind.ClockSkew or AwsErrorKind.PossibleClockSkew => CorrectSkew(response, uri, kind, code),
            _ => null,
        };
        if (reason is not null && !ReplayableContent.IsReplayable(request))
        {
            Log.ResendNotPossible(_logger, uri.GetLeftPart(UriPartial.Path), code ?? "403", request.Content!.GetType().Name);
            return null;
        }

        return reason;
    }

    private string? Invalidate(IInvalidatableCredentials cache, ImmutableCredentials used, Uri uri, string code)
    {
        if (!cache.Invalidate(used.AccessKey) && cache.Holds(used.AccessKey))
        {
            // Rate-limited: a resend would carry the same rejected key.
            return null;
        }

        Log.CredentialsRejected(_logger, uri.GetLeftPart(UriPartial.Path), code);
        return "rejected_credentials";
    }

    private string? CorrectSkew(HttpResponseMessage response, Uri uri, AwsErrorKind kind, string? code)
    {
        if (response.Headers.Date is not { } serverTime || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
        {
            // A plain-http answer from another host may come from anyone on the path: no offset is learned from it.
            return null;
        }

        TimeSpan offset = serverTime - _timeProvider.GetUtcNow();
        if (kind == AwsErrorKind.PossibleClockSkew && offset.Duration() <= ClockSkewRegistry.PossibleSkewThreshold)
        {
            return null;
        }

        if (!_skew.Set(uri, offset))
        {
            Log.ClockSkewRefused(_logger, uri.Host, offset.TotalSeconds, ClockSkewRegistry.MaxOffset.TotalMinutes);
            return null;
        }

        _skewMetrics.Corrected();
        Log.ClockSkewCorrected(_logger, uri.Host, offset.TotalSeconds, code ?? "403");
        return "clock_skew";
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
            SigV4SigningParameters parameters = _settings.ParametersFor(request, uri, default);
            Log.RequestSigned(_logger, request.Method.Method, uri.GetLeftPart(UriPartial.Path), parameters.Service, parameters.Region);
        }
    }
}
