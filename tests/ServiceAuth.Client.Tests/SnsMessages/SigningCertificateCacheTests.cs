using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using ServiceAuth.Client.SnsMessages;
using ServiceAuth.Client.SnsMessages.Internal;

namespace ServiceAuth.Client.Tests.SnsMessages;

public sealed class SigningCertificateCacheTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly X509Certificate2 _root;
    private readonly RSA _rootKey = RSA.Create(2048);

    public SigningCertificateCacheTests()
    {
        var request = new CertificateRequest("CN=Test Root CA", _rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        _root = request.CreateSelfSigned(TestClock.Start.AddYears(-1), TestClock.Start.AddYears(5));
    }

    [Fact]
    public async Task GetAsync_ConcurrentCallersOfOneUrl_FetchOnce_AndKeepTheCertificate()
    {
        var handler = new PemHandler(Leaf("sns.amazonaws.com", TestClock.Start.AddDays(30)));
        SigningCertificateCache cache = Cache(handler, capacity: 4);
        var url = new Uri("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-1.pem");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => cache.GetAsync(url, CancellationToken.None)));
        var later = await cache.GetAsync(url, CancellationToken.None);

        results.ShouldAllBe(r => r.Certificate != null && r.Failure == null);
        later.Certificate.ShouldBeSameAs(results[0].Certificate);
        handler.Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_MoreUrlsThanTheBound_KeepsAtMostTheBound()
    {
        var handler = new PemHandler(Leaf("sns.amazonaws.com", TestClock.Start.AddDays(30)));
        SigningCertificateCache cache = Cache(handler, capacity: 2);

        for (int i = 0; i < 5; i++)
        {
            (await cache.GetAsync(new Uri($"https://sns.us-east-1.amazonaws.com/SimpleNotificationService-{i}.pem"), CancellationToken.None)).Failure.ShouldBeNull();
        }

        cache.Count.ShouldBeLessThanOrEqualTo(2);
        handler.Count.ShouldBe(5);
    }

    [Fact]
    public async Task GetAsync_CertificateForAnotherSubject_IsUntrusted()
    {
        SigningCertificateCache cache = Cache(new PemHandler(Leaf("evil.example.com", TestClock.Start.AddDays(30))), capacity: 4);

        var (certificate, failure) = await cache.GetAsync(new Uri("https://sns.us-east-1.amazonaws.com/a.pem"), CancellationToken.None);

        certificate.ShouldBeNull();
        failure.ShouldBe(SnsMessageVerificationFailure.UntrustedCertificate);
    }

    [Fact]
    public async Task GetAsync_ExpiredOnTheInjectedClock_IsUntrusted()
    {
        SigningCertificateCache cache = Cache(new PemHandler(Leaf("sns.amazonaws.com", TestClock.Start.AddDays(1))), capacity: 4);
        _time.Advance(TimeSpan.FromDays(2));

        var (_, failure) = await cache.GetAsync(new Uri("https://sns.us-east-1.amazonaws.com/a.pem"), CancellationToken.None);

        failure.ShouldBe(SnsMessageVerificationFailure.UntrustedCertificate);
    }

    [Fact]
    public async Task GetAsync_SelfSignedLeafWithoutTheRoot_IsUntrusted()
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest("CN=sns.amazonaws.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using X509Certificate2 selfSigned = request.CreateSelfSigned(TestClock.Start.AddDays(-1), TestClock.Start.AddDays(30));
        SigningCertificateCache cache = Cache(new PemHandler(selfSigned.ExportCertificatePem()), capacity: 4);

        var (_, failure) = await cache.GetAsync(new Uri("https://sns.us-east-1.amazonaws.com/a.pem"), CancellationToken.None);

        failure.ShouldBe(SnsMessageVerificationFailure.UntrustedCertificate);
    }

    [Fact]
    public async Task GetAsync_NotACertificateOrTooLarge_IsUnavailable()
    {
        SigningCertificateCache garbage = Cache(new PemHandler("not a pem"), capacity: 4);
        SigningCertificateCache huge = Cache(new PemHandler(new string('A', SigningCertificateCache.MaxCertificateBytes + 1)), capacity: 4);

        (await garbage.GetAsync(new Uri("https://sns.us-east-1.amazonaws.com/a.pem"), CancellationToken.None)).Failure.ShouldBe(SnsMessageVerificationFailure.CertificateUnavailable);
        (await huge.GetAsync(new Uri("https://sns.us-east-1.amazonaws.com/a.pem"), CancellationToken.None)).Failure.ShouldBe(SnsMessageVerificationFailure.CertificateUnavailable);
        garbage.Count.ShouldBe(0);
    }

    [Fact]
    public async Task GetAsync_ManyFailingUrls_RemembersNothingBeyondTheBound()
    {
        SigningCertificateCache cache = Cache(new PemHandler("not a pem"), capacity: 4);

        for (int i = 0; i < 1_000; i++)
        {
            (await cache.GetAsync(new Uri($"https://sns.us-east-1.amazonaws.com/forged-{i}.pem"), CancellationToken.None)).Failure
                .ShouldBe(SnsMessageVerificationFailure.CertificateUnavailable);
        }

        cache.Count.ShouldBe(0);
        cache.Remembered.ShouldBeLessThanOrEqualTo(4);
    }

    [Fact]
    public async Task GetAsync_NewUrlsBeyondTheFetchSlots_FailAfterTheSlotWait_WithoutAnotherFetch()
    {
        var handler = new HangingHandler();
        SigningCertificateCache cache = new(() => new HttpClient(handler, disposeHandler: false), _time, 100, NullLogger.Instance, [_root]);

        var fetching = Enumerable.Range(0, SigningCertificateCache.MaxConcurrentFetches)
            .Select(i => cache.GetAsync(new Uri($"https://sns.us-east-1.amazonaws.com/slow-{i}.pem"), CancellationToken.None)).ToArray();
        var extra = cache.GetAsync(new Uri("https://sns.us-east-1.amazonaws.com/one-more.pem"), CancellationToken.None);
        for (int spin = 0; spin < 1_000 && handler.Count < SigningCertificateCache.MaxConcurrentFetches; spin++)
        {
            await Task.Yield();
        }

        _time.Advance(SigningCertificateCache.FetchSlotWait);
        (await extra).Failure.ShouldBe(SnsMessageVerificationFailure.CertificateUnavailable);
        handler.Count.ShouldBe(SigningCertificateCache.MaxConcurrentFetches);
        fetching.ShouldAllBe(t => !t.IsCompleted);

        handler.Release.SetResult();
        (await Task.WhenAll(fetching)).ShouldAllBe(r => r.Failure == SnsMessageVerificationFailure.CertificateUnavailable);
    }

    public void Dispose()
    {
        _root.Dispose();
        _rootKey.Dispose();
    }

    private SigningCertificateCache Cache(PemHandler handler, int capacity) =>
        new(() => new HttpClient(handler, disposeHandler: false), _time, capacity, NullLogger.Instance, [_root]);

    private string Leaf(string host, DateTimeOffset notAfter)
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        using X509Certificate2 leaf = request.Create(_root, TestClock.Start.AddDays(-1), notAfter, [1, 2, 3, 4]);
        return leaf.ExportCertificatePem();
    }

    private sealed class PemHandler(string pem) : HttpMessageHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(pem) });
        }
    }

    private sealed class HangingHandler : HttpMessageHandler
    {
        private int _count;

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => Volatile.Read(ref _count);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            await Release.Task.WaitAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }
}
