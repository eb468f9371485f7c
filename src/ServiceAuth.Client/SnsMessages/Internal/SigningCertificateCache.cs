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
/// </summary>
/// <param name="client">Creates the client that fetches certificates (redirects off).</param>
/// <param name="time">The clock the chain is checked at.</param>
/// <param name="capacity">How many URLs are kept.</param>
/// <param name="logger">Where fetches and refusals are logged.</param>
/// <param name="customRoots">Roots trusted instead of the system's (unit tests of the chain check only).</param>
internal sealed class SigningCertificateCache(Func<HttpClient> client, TimeProvider time, int capacity, ILogger logger, X509Certificate2Collection? customRoots = null)
{
    internal const int MaxCertificateBytes = 65_536;
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, Lazy<Task<X509Certificate2?>>> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly ConcurrentDictionary<string, SnsMessageVerificationFailure> _lastFailure = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    /// <summary>Returns the checked certificate, or <see langword="null"/> with the reason.</summary>
    public async Task<(X509Certificate2? Certificate, SnsMessageVerificationFailure? Failure)> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        string key = url.AbsoluteUri;
        bool added = false;
        Lazy<Task<X509Certificate2?>> entry = _entries.GetOrAdd(key, _ =>
        {
            added = true;
            return new(() => FetchAsync(url));
        });
        if (added)
        {
            Track(key);
        }

        X509Certificate2? certificate = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (certificate is null)
        {
            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<X509Certificate2?>>>(key, entry));
            return (null, _lastFailure.GetValueOrDefault(key, SnsMessageVerificationFailure.CertificateUnavailable));
        }

        return (certificate, null);
    }

    private void Track(string key)
    {
        _order.Enqueue(key);
        while (_entries.Count > capacity && _order.TryDequeue(out string? oldest))
        {
            if (oldest != key)
            {
                _entries.TryRemove(oldest, out _);
            }
        }
    }

    private async Task<X509Certificate2?> FetchAsync(Uri url)
    {
        string key = url.AbsoluteUri;
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
            _lastFailure[key] = SnsMessageVerificationFailure.CertificateUnavailable;
            return null;
        }

        if (!IsTrusted(certificate, url))
        {
            Log.SnsSigningCertificateUntrusted(logger, key, certificate.Subject);
            _lastFailure[key] = SnsMessageVerificationFailure.UntrustedCertificate;
            certificate.Dispose();
            return null;
        }

        Log.SnsSigningCertificateFetched(logger, key, certificate.Subject, certificate.NotAfter);
        return certificate;
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
