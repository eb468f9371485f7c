using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.EventBridge;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.EventBridge;

/// <summary>
/// The typed EventBridge publisher against <see cref="LocalAwsEndpoint"/>: our signatures checked by its verifier, our
/// awsJson bodies read by its PutEvents, its answers (entries, FailedEntryCount, JSON errors) read by our parser.
/// </summary>
public sealed class EventBridgePublisherEndToEndTests : IAsyncDisposable
{
    private const string BusArn = "arn:aws:events:eu-west-1:222233334444:event-bus/orders";
    private const string RoleArn = "arn:aws:iam::222233334444:role/events-publisher";
    private readonly FakeTimeProvider _time = new();
    private readonly LocalAwsEndpoint _endpoint;
    private readonly LocalUser _serviceA;
    private readonly LocalEventBus _bus;

    public EventBridgePublisherEndToEndTests()
    {
        _endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = _time, Region = "eu-west-1" });
        _serviceA = _endpoint.AddUser("service-a", "111111111111");
        _endpoint.AddRole(RoleArn, trust => trust.AllowPrincipal(_serviceA.Arn));
        _bus = _endpoint.AddEventBus(BusArn, RoleArn);
    }

    [Fact]
    public async Task CrossAccountBus_ThroughAssumedRole_DeliversTypedEvents()
    {
        // On Kestrel and the real clock: the AWS SDK's STS client sends over real HTTP (https:// or loopback) and signs
        // with the wall clock.
        // The STS calls are signed for eu-west-1, the bus's region: the endpoint stands for that region.
        await using LocalAwsEndpoint aws = await LocalAwsEndpoint.StartAsync(new LocalAwsEndpointOptions { Region = "eu-west-1" });
        LocalUser serviceA = aws.AddUser("service-a", "111111111111");
        aws.AddRole(RoleArn, trust => trust.AllowPrincipal(serviceA.Arn));
        LocalEventBus bus = aws.AddEventBus(BusArn, RoleArn);
        var services = new ServiceCollection();
        services.AddEventBridgePublisher<string>(o =>
        {
            (o.EventBusName, o.Source, o.DetailType, o.ServiceUrl) = (BusArn, "com.example.orders", "OrderPlaced", aws.BaseAddress);
            o.Credentials = serviceA.ToAwsCredentials();
            o.AssumeRole = new AssumeRoleOptions { RoleArn = RoleArn, StsEndpoint = aws.BaseAddress };
        });
        using ServiceProvider provider = services.BuildServiceProvider();
        IEventBridgePublisher<string> publisher = provider.GetRequiredService<IEventBridgePublisher<string>>();

        EventBridgeEntryResult single = await publisher.PublishAsync(new EventBridgeEvent<string>("""{"orderId":"o-1","note":"ü & \"q\""}""")
        {
            Resources = ["arn:aws:s3:::bucket/o-1"],
            Time = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero),
        });
        EventBridgeBatchResult batch = await publisher.PublishBatchAsync(Enumerable.Range(0, 25).Select(i => $$"""{"i":{{i}}}"""));

        batch.AllSucceeded.ShouldBeTrue();
        batch.RequestCount.ShouldBe(3);
        bus.Events.Count.ShouldBe(26);
        EventBridgeDelivery first = bus.Events.Single(e => e.EventId == single.EventId);
        (first.Detail, first.Source, first.DetailType).ShouldBe(("""{"orderId":"o-1","note":"ü & \"q\""}""", "com.example.orders", "OrderPlaced"));
        first.Resources.ShouldBe(["arn:aws:s3:::bucket/o-1"]);
        first.Time.ShouldBe(new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero));
        first.PublisherArn.ShouldStartWith("arn:aws:sts::222233334444:assumed-role/events-publisher/");
        first.ToEventJson().ShouldContain("\"detail-type\":\"OrderPlaced\"");
        batch.Entries.Select(e => e.EventId).ShouldBe(bus.Events.Skip(1).Select(e => e.EventId), ignoreOrder: true);
        aws.StsAssumeRoleCallCount.ShouldBe(1);
    }

    [Fact]
    public async Task PrincipalTheBusPolicyDoesNotName_GetsAccessDeniedException()
    {
        using ServiceProvider provider = Build<string>();

        EventBridgeException ex = await Should.ThrowAsync<EventBridgeException>(() => provider.GetRequiredService<IEventBridgePublisher<string>>().PublishAsync("{}"));

        ex.Code.ShouldBe("AccessDeniedException");
        ex.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ex.ErrorMessage.ShouldBe($"User: {_serviceA.Arn} is not authorized to perform: events:PutEvents on resource: {BusArn} because no resource-based policy allows the events:PutEvents action");
        ex.RequestId.ShouldNotBeNullOrEmpty();
        _bus.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task ThrottledEntries_AreRetried_OnlyTheFailedOnes()
    {
        LocalUser owner = _endpoint.AddUser("owner", "222233334444");
        LocalEventBus bus = _endpoint.AddEventBus("arn:aws:events:eu-west-1:222233334444:event-bus/default", owner.Arn);
        using ServiceProvider provider = Build<string>(o => (o.EventBusName, o.Region, o.Credentials) = ("default", "eu-west-1", owner.ToAwsCredentials()));
        _endpoint.Faults.FailNextPublishes(2, "ThrottlingException");

        Task<EventBridgeBatchResult> publish = provider.GetRequiredService<IEventBridgePublisher<string>>().PublishBatchAsync(["""{"a":0}""", """{"a":1}""", """{"a":2}"""]);
        while (!publish.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));   // small steps: the signing clock stays within the endpoint's skew window
            await Task.Yield();
        }

        EventBridgeBatchResult result = await publish;
        result.AllSucceeded.ShouldBeTrue();
        result.ReportedFailedEntryCount.ShouldBe(2);
        result.Entries.Select(e => e.Attempts).ShouldBe([2, 2, 1]);
        bus.Events.Select(e => e.Detail).ShouldBe(["""{"a":2}""", """{"a":0}""", """{"a":1}"""]);
    }

    [Fact]
    public async Task LocalEndpoint_RefusesWhatEventBridgeRefuses()
    {
        LocalUser owner = _endpoint.AddUser("owner", "222233334444");
        _endpoint.AddEventBus("arn:aws:events:eu-west-1:222233334444:event-bus/default", owner.Arn);

        (int empty, string emptyBody) = await PutEventsAsync(owner, """{"Entries":[]}""");
        (int _, string entries) = await PutEventsAsync(owner, """{"Entries":[{"Source":"aws.s3","DetailType":"T","Detail":"{}"},{"Source":"s","DetailType":"T","Detail":"[1]"},{"Source":"s","DetailType":"T"},{"Source":"s","DetailType":"T","Detail":"{}","EventBusName":"missing"},{"Source":"s","DetailType":"T","Detail":"{}"}]}""");
        (int bad, string badBody) = await PutEventsAsync(owner, "not json");

        empty.ShouldBe(400);
        emptyBody.ShouldContain("\"__type\":\"ValidationException\"");
        entries.ShouldStartWith("""{"Entries":[{"ErrorCode":"NotAuthorizedForSourceException","ErrorMessage":"Not authorized for the source."},{"ErrorCode":"MalformedDetail","ErrorMessage":"Detail is malformed."},{"ErrorCode":"InvalidArgument","ErrorMessage":"Parameter Detail is not valid. Reason: Detail is a required argument."},{"EventId":""");
        entries.ShouldEndWith("\"FailedEntryCount\":3}");
        bad.ShouldBe(400);
        badBody.ShouldContain("SerializationException");
    }

    [Fact]
    public async Task LocalEndpoint_AcceptsUpTo1MiB_AsEventBridgeSinceJanuary2026()
    {
        LocalUser owner = _endpoint.AddUser("owner", "222233334444");
        _endpoint.AddEventBus("arn:aws:events:eu-west-1:222233334444:event-bus/default", owner.Arn);
        static string Entries(int detailBytes) =>
            $$"""{"Entries":[{"Source":"s","DetailType":"T","Detail":"{\"x\":\"{{new string('x', detailBytes - 8)}}\"}"}]}""";

        (int big, string bigBody) = await PutEventsAsync(owner, Entries(300 * 1024));
        (int atLimit, string _) = await PutEventsAsync(owner, Entries(1_048_576 - 2));
        (int over, string overBody, string? overType) = await PutEventsWithErrorTypeAsync(owner, Entries(1_048_576 - 1));

        (big, atLimit).ShouldBe((200, 200));
        bigBody.ShouldEndWith("\"FailedEntryCount\":0}");
        (over, overType).ShouldBe((400, "ValidationException"));
        overBody.ShouldBe("""{"__type":"ValidationException","message":"Total size of the entries in the request is over the limit."}""");
    }

    [Fact]
    public async Task LocalEndpoint_EventForABusThatDoesNotExist_GetsAnEventIdAndIsDropped_AsEventBridgeDoes()
    {
        LocalUser owner = _endpoint.AddUser("owner", "222233334444");
        LocalEventBus bus = _endpoint.AddEventBus("arn:aws:events:eu-west-1:222233334444:event-bus/default", owner.Arn);

        (int status, string body) = await PutEventsAsync(owner, """{"Entries":[{"Source":"s","DetailType":"T","Detail":"{}"},{"Source":"s","DetailType":"T","Detail":"{}","EventBusName":"missing"}]}""");

        status.ShouldBe(200);
        using JsonDocument json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("FailedEntryCount").GetInt32().ShouldBe(0);
        json.RootElement.GetProperty("Entries").EnumerateArray().Select(e => e.TryGetProperty("EventId", out _)).ShouldBe([true, true]);
        bus.Events.Count.ShouldBe(1);

        (int otherAccount, string otherBody) = await PutEventsAsync(owner, """{"Entries":[{"Source":"s","DetailType":"T","Detail":"{}","EventBusName":"arn:aws:events:eu-west-1:999999999999:event-bus/missing"}]}""");
        otherAccount.ShouldBe(400);
        otherBody.ShouldContain("\"__type\":\"AccessDeniedException\"");
        otherBody.ShouldContain("on resource: arn:aws:events:eu-west-1:999999999999:event-bus/missing because no resource-based policy allows");
    }

    [Fact]
    public async Task LocalEndpoint_ResourcesThatAreNotArns_AreAccepted_AsEventBridgeDoes()
    {
        // The EventBridge user guide's own PutEvents example sends Resources "resource1" and "resource2".
        LocalUser owner = _endpoint.AddUser("owner", "222233334444");
        LocalEventBus bus = _endpoint.AddEventBus("arn:aws:events:eu-west-1:222233334444:event-bus/default", owner.Arn);

        (int status, string body) = await PutEventsAsync(owner, """{"Entries":[{"Source":"com.mycompany.myapp","DetailType":"myDetailType","Detail":"{ \"key1\": \"value1\" }","Resources":["resource1","resource2"]}]}""");

        status.ShouldBe(200);
        body.ShouldEndWith("\"FailedEntryCount\":0}");
        bus.Events.ShouldHaveSingleItem().Resources.ShouldBe(["resource1", "resource2"]);
    }

    public ValueTask DisposeAsync() => _endpoint.DisposeAsync();

    private async Task<(int Status, string Body)> PutEventsAsync(LocalUser user, string json)
    {
        (int status, string body, string? _) = await PutEventsWithErrorTypeAsync(user, json);
        return (status, body);
    }

    private async Task<(int Status, string Body, string? ErrorType)> PutEventsWithErrorTypeAsync(LocalUser user, string json)
    {
        var services = new ServiceCollection();
        services.AddSignedHttpClient("raw", o =>
        {
            (o.BaseAddress, o.Region, o.Service, o.Credentials, o.AllowInsecureHttp) = (_endpoint.BaseAddress, "eu-west-1", "events", user.ToAwsCredentials(), true);
        }).ConfigurePrimaryHttpMessageHandler(_endpoint.CreateHandler);
        services.AddSingleton<TimeProvider>(_time);
        using ServiceProvider provider = services.BuildServiceProvider();
        using var request = new HttpRequestMessage(HttpMethod.Post, (Uri?)null) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSEvents.PutEvents");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
        using HttpResponseMessage response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("raw").SendAsync(request);
        string? errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out IEnumerable<string>? values) ? values.Single() : null;
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), errorType);
    }

    private ServiceProvider Build<TEvent>(Action<EventBridgePublisherOptions<TEvent>>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddEventBridgePublisher<TEvent>(o =>
        {
            o.EventBusName = BusArn;
            o.Source = "com.example.orders";
            o.DetailType = "OrderPlaced";
            o.ServiceUrl = _endpoint.BaseAddress;
            o.AllowInsecureHttp = true;
            o.Credentials = _serviceA.ToAwsCredentials();
            configure?.Invoke(o);
        }).ConfigurePrimaryHttpMessageHandler(_endpoint.CreateHandler);
        return services.BuildServiceProvider();
    }
}
