using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.SecurityToken;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Credentials;

/// <summary>The real <see cref="AmazonSecurityTokenServiceClient"/>, configured as the cache configures it, over a fake
/// HTTP handler answering STS's awsQuery XML.</summary>
public sealed class RealStsClientTests
{
    private const string Success = """
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <AssumedRoleUser><AssumedRoleId>AROA3XFRBF535PLBIFPI4:s3-access-example</AssumedRoleId><Arn>arn:aws:sts::222233334444:assumed-role/orders-caller/orders-api</Arn></AssumedRoleUser>
            <Credentials>
              <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
              <SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764</SessionToken>
              <Expiration>2026-11-22T13:00:00Z</Expiration>
              <AccessKeyId>ASIAJEXAMPLEXEG2JICEA</AccessKeyId>
            </Credentials>
            <PackedPolicySize>6</PackedPolicySize>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """;

    [Fact]
    public async Task Success_IsParsedAndTheRequestCarriesTheOptions()
    {
        var rig = new Rig((_, _) => Xml(HttpStatusCode.OK, Success));

        ImmutableCredentials credentials = await rig.Entry.GetCredentialsAsync();

        credentials.AccessKey.ShouldBe("ASIAJEXAMPLEXEG2JICEA");
        credentials.Token.ShouldBe("AQoDYXdzEPT//////////wEXAMPLEtc764");
        rig.Entry.Snapshot.ExpiresAt.ShouldBe(new DateTimeOffset(2026, 11, 22, 13, 0, 0, TimeSpan.Zero));
        string body = rig.Bodies.ShouldHaveSingleItem();
        body.ShouldContain("Action=AssumeRole");
        body.ShouldContain("RoleSessionName=orders-api");
        body.ShouldContain("ExternalId=tenant-42");
        body.ShouldContain("DurationSeconds=3600");
        rig.Hosts.ShouldHaveSingleItem().ShouldBe("127.0.0.1");
    }

    [Fact]
    public async Task Throttling_TheSdkDoesNotRetry_OurPipelineDoes()
    {
        var rig = new Rig((_, n) => n == 1
            ? Xml(HttpStatusCode.BadRequest, Error("Throttling", "Rate exceeded", "req-throttle"))
            : Xml(HttpStatusCode.OK, Success));

        Task<ImmutableCredentials> waiting = rig.Entry.GetCredentialsAsync();
        await Eventually.DriveAsync(waiting, rig.Time, TimeSpan.FromMilliseconds(100));

        (await waiting).AccessKey.ShouldBe("ASIAJEXAMPLEXEG2JICEA");
        rig.Bodies.Count.ShouldBe(2);
    }

    [Fact]
    public async Task AccessDenied_OneHttpRequest_AndTheExceptionCarriesCodeAndRequestId()
    {
        var rig = new Rig((_, _) => Xml(HttpStatusCode.Forbidden, Error("AccessDenied", "User is not authorized to perform: sts:AssumeRole", "req-denied")));

        CredentialsUnavailableException e = await Should.ThrowAsync<CredentialsUnavailableException>(rig.Entry.GetCredentialsAsync());

        e.StsErrorCode.ShouldBe("AccessDenied");
        e.StsRequestId.ShouldBe("req-denied");
        rig.Bodies.Count.ShouldBe(1);
    }

    private static string Error(string code, string message, string requestId) =>
        $"""<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>{requestId}</RequestId></ErrorResponse>""";

    private static HttpResponseMessage Xml(HttpStatusCode status, string xml)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "header-request-id");
        return response;
    }

    private sealed class Rig : IStsClientFactory
    {
        private readonly Func<HttpRequestMessage, int, HttpResponseMessage> _respond;

        public Rig(Func<HttpRequestMessage, int, HttpResponseMessage> respond)
        {
            _respond = respond;
            var cache = new AssumeRoleCredentialsProvider(this, Time, null, new StsCallSettings { Randomizer = new SystemRandomizer(new Random(3)), TotalTimeout = TimeSpan.FromHours(1), AttemptTimeout = TimeSpan.FromHours(1) });
            var role = new AssumeRoleOptions { RoleArn = CacheFixture.RoleArn, RoleSessionName = "orders-api", ExternalId = "tenant-42", StsEndpoint = new Uri("http://127.0.0.1:4566") };
            Entry = (AssumedRoleCredentials)cache.GetCredentials(role, CacheFixture.Source, "eu-west-1");
        }

        public FakeTimeProvider Time { get; } = new(TestClock.Start);

        public ConcurrentQueue<string> Bodies { get; } = new();

        public ConcurrentQueue<string> Hosts { get; } = new();

        internal AssumedRoleCredentials Entry { get; }

        public void Release(AWSCredentials source, string region, Uri? endpoint)
        {
        }

        public IAmazonSecurityTokenService Get(AWSCredentials source, string region, Uri? endpoint)
        {
            AmazonSecurityTokenServiceConfig config = StsClientFactory.CreateConfig(region, endpoint);
            config.HttpClientFactory = new Factory(new Handler(this));
            return new AmazonSecurityTokenServiceClient(source, config);
        }

        private sealed class Handler(Rig rig) : HttpMessageHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                rig.Bodies.Enqueue(await request.Content!.ReadAsStringAsync(cancellationToken));
                rig.Hosts.Enqueue(request.RequestUri!.Host);
                return rig._respond(request, rig.Bodies.Count);
            }
        }

        private sealed class Factory(HttpMessageHandler handler) : Amazon.Runtime.HttpClientFactory
        {
            public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

            public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

            public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
        }
    }
}
