using ServiceAuth.Client.IntegrationTests.Subscriptions;
using ServiceAuth.Client.SnsMessages;

namespace ServiceAuth.Client.IntegrationTests.SnsMessages;

/// <summary>
/// The known mistakes of SNS message validators, each tried on a genuine envelope from the local endpoint: every one is
/// refused with its reason, and no URL an attacker names is ever fetched.
/// </summary>
public sealed class SnsMessageAttackTests : IAsyncLifetime
{
    private SubscriptionWorld _world = null!;
    private string _genuine = null!;

    public async Task InitializeAsync()
    {
        _world = await SubscriptionWorld.StartAsync();
        _genuine = await EnvelopeSource.NotificationAsync(_world);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData("https://evil.example.com/SimpleNotificationService-1.pem")]                    // another host
    [InlineData("http://sns.us-east-1.amazonaws.com/SimpleNotificationService-1.pem")]          // http
    [InlineData("https://sns.us-east-1.amazonaws.com.evil.com/SimpleNotificationService-1.pem")] // suffix look-alike
    [InlineData("https://evil.com/sns.us-east-1.amazonaws.com/SimpleNotificationService-1.pem")] // host in the path
    [InlineData("https://sns.us-east-1.amazonaws.com@evil.com/SimpleNotificationService-1.pem")] // userinfo
    [InlineData("https://sns.us-east-1.amazonaws.com:8443/SimpleNotificationService-1.pem")]    // port
    [InlineData("https://sns.us-east-1.amazonaws.com:443/SimpleNotificationService-1.pem")]     // even the default port
    [InlineData("https://sns.us-east-1.amazonaws.co/SimpleNotificationService-1.pem")]          // another TLD
    [InlineData("https://snsXus-east-1.amazonaws.com/SimpleNotificationService-1.pem")]         // the unescaped dot
    [InlineData("https://sns.us-east-1.amazonaws.com./SimpleNotificationService-1.pem")]        // trailing dot
    [InlineData("https://sns.us-east-1.amazonаws.com/SimpleNotificationService-1.pem")]         // IDN: Cyrillic 'а'
    [InlineData("https://sns.us-east-1.xn--amazonws-5ug.com/SimpleNotificationService-1.pem")]  // punycode
    [InlineData("https://sns.us-east-1.amazonaws.com.cn/SimpleNotificationService-1.pem")]      // .cn for a non-China region
    [InlineData("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-1.pem?x=.pem")]  // query
    [InlineData("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-1.txt")]         // not a .pem
    public async Task CertificateUrl_NotExactlyAnSnsHost_IsRefusedWithoutAFetch(string url)
    {
        var fetches = new RecordingHandler(_world.Aws.SigningCertificate.ExportCertificatePem());
        ISnsMessageVerifier production = ProductionVerifier(fetches);

        SnsMessageVerificationResult result = await production.VerifyAsync(EnvelopeSource.With(_genuine, "SigningCertURL", url));

        result.Failure.ShouldBe(SnsMessageVerificationFailure.UntrustedCertificateUrl, result.ToString());
        fetches.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-1.pem")]
    [InlineData("https://sns.us-gov-west-1.amazonaws.com/SimpleNotificationService-1.pem")]
    [InlineData("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-1.pem")]
    public async Task CertificateUrl_OnAnSnsHost_IsFetchedOnce_AndASelfSignedCertificateIsNotTrusted(string url)
    {
        var fetches = new RecordingHandler(_world.Aws.SigningCertificate.ExportCertificatePem());
        ISnsMessageVerifier production = ProductionVerifier(fetches);

        string onAws = EnvelopeSource.With(_genuine, "UnsubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=x");

        SnsMessageVerificationResult result = await production.VerifyAsync(EnvelopeSource.With(onAws, "SigningCertURL", url));
        SnsMessageVerificationResult again = await production.VerifyAsync(EnvelopeSource.With(onAws, "SigningCertURL", url));

        result.Failure.ShouldBe(SnsMessageVerificationFailure.UntrustedCertificate, result.ToString());
        again.Failure.ShouldBe(SnsMessageVerificationFailure.UntrustedCertificate);
        fetches.Requests.ShouldBe([new Uri(url), new Uri(url)]); // a refused certificate is not kept
    }

    [Theory]
    [InlineData("Message", "{\"orderId\":\"43\"}")]
    [InlineData("Subject", "OrderCancelled")]
    [InlineData("TopicArn", SubscriptionWorld.FifoTopicArn)]
    [InlineData("Timestamp", null)]
    public async Task TamperedSignedField_IsRefusedAsInvalidSignature(string field, string? value)
    {
        string tampered = EnvelopeSource.With(_genuine, field, value ?? _world.Time.GetUtcNow().AddSeconds(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));

        SnsMessageVerificationResult result = await _world.Verifier().VerifyAsync(tampered);

        result.Failure.ShouldBe(SnsMessageVerificationFailure.InvalidSignature, result.ToString());
    }

    [Fact]
    public async Task RemovedSubject_IsRefusedAsInvalidSignature()
    {
        SnsMessageVerificationResult result = await _world.Verifier().VerifyAsync(EnvelopeSource.With(_genuine, "Subject", null));

        result.Failure.ShouldBe(SnsMessageVerificationFailure.InvalidSignature);
    }

    [Fact]
    public async Task SignatureVersionDowngrade_IsRefused()
    {
        _world.Topic.SignatureVersion = 2;
        string v2 = await EnvelopeSource.NotificationAsync(_world);
        string downgraded = EnvelopeSource.With(v2, "SignatureVersion", "1");

        SnsMessageVerificationResult lenient = await _world.Verifier().VerifyAsync(downgraded);
        SnsMessageVerificationResult strict = await _world.Verifier(o => o.MinimumSignatureVersion = 2).VerifyAsync(downgraded);
        SnsMessageVerificationResult unknown = await _world.Verifier().VerifyAsync(EnvelopeSource.With(v2, "SignatureVersion", "3"));
        SnsMessageVerificationResult genuine = await _world.Verifier(o => o.MinimumSignatureVersion = 2).VerifyAsync(v2);

        lenient.Failure.ShouldBe(SnsMessageVerificationFailure.InvalidSignature);
        strict.Failure.ShouldBe(SnsMessageVerificationFailure.SignatureVersionNotAllowed);
        unknown.Failure.ShouldBe(SnsMessageVerificationFailure.UnsupportedSignatureVersion);
        genuine.IsVerified.ShouldBeTrue(genuine.ToString());
    }

    [Theory]
    [InlineData("Evil")]
    [InlineData("notification")]
    [InlineData("")]
    public async Task UnknownType_IsRefused(string type)
    {
        SnsMessageVerificationResult result = await _world.Verifier().VerifyAsync(EnvelopeSource.With(_genuine, "Type", type));

        result.Failure.ShouldBe(SnsMessageVerificationFailure.UnknownType);
    }

    [Fact]
    public async Task Replay_IsRefused_UntilTheWindowHasPassed()
    {
        ISnsMessageVerifier verifier = _world.Verifier();

        SnsMessageVerificationResult first = await verifier.VerifyAsync(_genuine);
        SnsMessageVerificationResult replay = await verifier.VerifyAsync(_genuine);
        _world.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        SnsMessageVerificationResult late = await verifier.VerifyAsync(_genuine);

        first.IsVerified.ShouldBeTrue(first.ToString());
        replay.Failure.ShouldBe(SnsMessageVerificationFailure.Replayed);
        late.Failure.ShouldBe(SnsMessageVerificationFailure.TimestampOutOfWindow);
    }

    [Fact]
    public async Task OversizedEnvelope_IsRefusedBeforeParsing()
    {
        string large = await EnvelopeSource.NotificationAsync(_world, new string('x', 4096));

        SnsMessageVerificationResult result = await _world.Verifier(o => o.MaxEnvelopeBytes = 2048).VerifyAsync(large);

        result.Failure.ShouldBe(SnsMessageVerificationFailure.EnvelopeTooLarge);
    }

    [Fact]
    public async Task TopicNotOnTheAllowList_IsRefused()
    {
        SnsMessageVerificationResult result = await _world.Verifier(o => o.AllowedTopicArns.Remove(SubscriptionWorld.TopicArn)).VerifyAsync(_genuine);

        result.Failure.ShouldBe(SnsMessageVerificationFailure.TopicNotAllowed);
    }

    [Fact]
    public async Task DuplicateField_IsRefusedAsMalformed()
    {
        string duplicated = _genuine.TrimEnd().TrimEnd('}') + ",\"Message\":\"another\"}";

        SnsMessageVerificationResult result = await _world.Verifier().VerifyAsync(duplicated);

        result.Failure.ShouldBe(SnsMessageVerificationFailure.MalformedEnvelope);
    }

    [Fact]
    public async Task TestMode_TrustsTheLocalCertificateAndNothingElse()
    {
        string aws = EnvelopeSource.With(_genuine, "SigningCertURL", "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-1.pem");

        SnsMessageVerificationResult result = await _world.Verifier().VerifyAsync(aws);

        result.Failure.ShouldBe(SnsMessageVerificationFailure.UntrustedCertificateUrl);
    }

    [Fact]
    public async Task SubscribeUrl_OnAnotherHost_IsRefused()
    {
        string confirmation = await EnvelopeSource.ConfirmationAsync(_world);

        SnsMessageVerificationResult result = await _world.Verifier().VerifyAsync(EnvelopeSource.With(confirmation, "SubscribeURL", "https://evil.example.com/?Action=ConfirmSubscription"));

        result.Failure.ShouldBe(SnsMessageVerificationFailure.UntrustedSubscriptionUrl);
    }

    [Fact]
    public async Task VerifiedNotification_ReadsIntoAType()
    {
        SnsMessageVerificationResult result = await _world.Verifier().VerifyAsync(_genuine);

        OrderPlacedForTest? order = result.Message!.ReadMessage(SnsTestJson.Default.OrderPlacedForTest);

        order.ShouldBe(new OrderPlacedForTest("42"));
    }

    private ISnsMessageVerifier ProductionVerifier(HttpMessageHandler fetches) =>
        _world.Verifier(o => { o.TestSigningCertificate = null; o.TestSigningCertUrl = null; }, fetches);
}
