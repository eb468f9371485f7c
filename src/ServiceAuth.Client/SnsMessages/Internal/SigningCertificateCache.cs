using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using ServiceAuth.Client.Diagnostics;

namespace ServiceAuth.Client.SnsMessages.Internal;

/// <summary>
/// SNS signing certificates by URL: fetched once per URL (concurrent callers share the fetch), checked (the chain builds
/// to a trusted root at the current time, and the certificate is issued for <c>sns.amazonaws.com</c> or the URL's host),
/// kept up to a bound (the oldest URL leaves first). A failed fetch or check is not kept, so the next message tries again.
/// Any <c>.pem</c> path on an SNS host passes the URL rule, so envelopes nobody signed can name new URLs at will: at most
/// <see cref="MaxConcurrentFetches"/> fetches run at once, a fetch that finds no free slot within
/// <see cref="FetchSlotWait"/> fails as unavailable, and nothing is remembered per URL beyond the bound.
/// </summary>
/// <param name="client">Creates the client that fetches certificates (redirects off).</param>
/// <param name="time">The clock the chain is checked at.</param>
/// <param name="capacity">How many URLs are kept.</param>
/// <param name="logger">Where fetches and refusals are logged.</param>
/// <param name="customRoots">Roots trusted instead of the system's (unit tests of the chain check only).</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The SemaphoreSlim never creates its wait handle (only WaitAsync and Release are used), so there is nothing to dispose; the cache lives as long as its verifier.")]
internal sealed class SigningCertificateCache(Func<HttpClient> client, TimeProvider time, int capacity, ILogger logger, X509Certificate2Collection? customRoots = null)
{
    internal const int MaxCertificateBytes = 65_536;
    internal const int MaxConcurrentFetches = 4;
    internal static readonly TimeSpan FetchSlotWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, Lazy<Task<(X509Certificate2? Certificate, SnsMessageVerificationFailure? Failure)>>> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly SemaphoreSlim _fetchSlots = new(MaxConcurrentFetches, MaxConcurrentFetches);

    public int Count => _entries.Count;

    /// <summary>Gets how many URLs the eviction order remembers (at most the capacity).</summary>
    internal int Remembered => _order.Count;

    /// <summary>Returns the checked certificate, or <see langword="null"/> with the reason.</summary>
    public async Task<(X509Certificate2? Certificate, SnsMessageVerificationFailure? Failure)> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        string key = url.AbsoluteUri;
        bool added = false;
        Lazy<Task<(X509Certificate2?, SnsMessageVerificationFailure?)>> entry = _entries.GetOrAdd(key, _ =>
        {
            added = true;
            return new(() => FetchAsync(url));
        });
        if (added)
        {
            Track(key);
        }

        (X509Certificate2? certificate, SnsMessageVerificationFailure? failure) = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (certificate is null)
        {
            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<(X509Certificate2?, SnsMessageVerificationFailure?)>>>(key, entry));
            return (null, failure ?? SnsMessageVerificationFailure.CertificateUnavailable);
        }

        return (certificate, null);
    }

    private void Track(string key)
    {
        _order.Enqueue(key);
        // The queue is bounded too: a URL whose fetch failed leaves the entries at once but stays queued until it is
        // among the oldest.
        while (_order.Count > capacity && _order.TryDequeue(out string? oldest))
        {
            if (oldest != key)
            {
                _entries.TryRemove(oldest, out _);
            }
        }
    }

    private async Task<(X509Certificate2?, SnsMessageVerificationFailure?)> FetchAsync(Uri url)
    {
        string key = url.AbsoluteUri;
        using (var slotWait = new CancellationTokenSource(FetchSlotWait, time))
        {
            try
            {
                await _fetchSlots.WaitAsync(slotWait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Log.SnsSigningCertificateUnavailable(logger, key, "NoFetchSlot");
                return (null, SnsMessageVerificationFailure.CertificateUnavailable);
            }
        }

        try
        {
            return await FetchAndCheckAsync(url, key).ConfigureAwait(false);
        }
        finally
        {
            _fetchSlots.Release();
        }
    }

    private async Task<(X509Certificate2?, SnsMessageVerificationFailure?)> FetchAndCheckAsync(Uri url, string key)
    {
        X509Certificate2 certificate;
        try
        {
            using var timeout = new CancellationTokenSource(FetchTimeout, time);
            using HttpResponseMessage response = await client().GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            if (response.Content.Headers.ContentLength > MaxCertificateBytes)
            {
                throw new InvalidDataException($"the certificate is larger than {MaxCertificateBytes} bytes");
            }

            byte[] bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            if (bytes.Length > MaxCertificateBytes)
            {
                throw new InvalidDataException($"the certificate is larger than {MaxCertificateBytes} bytes");
            }

            certificate = X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(bytes));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or CryptographicException or InvalidDataException or ArgumentException)
        {
            Log.SnsSigningCertificateUnavailable(logger, key, ex.GetType().Name);
            return (null, SnsMessageVerificationFailure.CertificateUnavailable);
        }

        if (!IsTrusted(certificate, url))
        {
            Log.SnsSigningCertificateUntrusted(logger, key, certificate.Subject);
            certificate.Dispose();
            return (null, SnsMessageVerificationFailure.UntrustedCertificate);
        }

        Log.SnsSigningCertificateFetched(logger, key, certificate.Subject, certificate.NotAfter);
        return (certificate, null);
    }

    private bool IsTrusted(X509Certificate2 certificate, Uri url)
    {
        if (!certificate.MatchesHostname("sns.amazonaws.com") && !certificate.MatchesHostname(url.Host))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (customRoots is not null)
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(customRoots);
        }

        bool built = chain.Build(certificate);
        foreach (X509ChainElement element in chain.ChainElements)
        {
            element.Certificate.Dispose();
        }

        return built;
    }
}
