using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServiceAuth.Client.ClientCredentials;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.EventBridge;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.SnsMessages;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.QuickStart;

/// <summary>
/// The QuickStart: service A calls service C's API and publishes to C's SNS topic and C's EventBridge bus, through a
/// local AWS-compatible endpoint that verifies every SigV4 signature, runs STS AssumeRole and enforces C's policies; then
/// service B's SQS queue receives what A published and B verifies it came from C's topic; then
/// A calls service B's API, which sits behind a JWT authorizer, with Cognito machine-to-machine tokens, and B's own
/// ASP.NET Core endpoint (no API Gateway) with an IAM identity token. No AWS account needed.
/// </summary>
public static class QuickStartScenario
{
    private const string RoleC = "arn:aws:iam::222222222222:role/orders-caller";
    private const string TopicC = "arn:aws:sns:us-east-1:222222222222:orders";
    private const string BusC = "arn:aws:events:us-east-1:222222222222:event-bus/orders";
    private const string RoleA = "arn:aws:iam::111111111111:role/service-a";
    private const string QueueB = "arn:aws:sqs:us-east-1:333333333333:orders-for-b";

    /// <summary>Runs every step, writes a transcript, and returns 0 when every step behaved as shown.</summary>
    /// <param name="output">Where the transcript goes.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(TextWriter output)
    {
        await using LocalAwsEndpoint aws = await LocalAwsEndpoint.StartAsync();
        LocalUser serviceA = aws.AddUser("service-a", "111111111111");
        LocalUser serviceB = aws.AddUser("service-b", "333333333333");
        aws.AddRole(RoleC, trust => trust.AllowPrincipal(serviceA.Arn).RequireExternalId("quickstart"));
        aws.AddApi("GET", "/prod/orders/{id}", serviceA.Arn, RoleC);   // C's resource policy: A's identity, and C's own role
        LocalTopic orders = aws.AddTopic(TopicC, RoleC);              // C's topic policy: only C's role may publish
        orders.AllowSubscribe(serviceB.Arn, "sqs", QueueB);           // ... and only B's orders-for-b queue may subscribe
        LocalEventBus bus = aws.AddEventBus(BusC, RoleC);             // C's bus policy: only C's role may put events
        LocalUserPool pool = aws.AddUserPool();                       // a Cognito user pool for machine-to-machine tokens
        pool.AddResourceServer("orders", "read", "write");
        LocalAppClient appA = pool.AddAppClient("service-a", "orders/read", "orders/write");
        aws.AddJwtApi("GET", "/b/orders/{id}", pool, [appA.ClientId], ["orders/read"]);   // B behind a JWT authorizer
        aws.AddRole(RoleA, trust => trust.AllowPrincipal(serviceA.Arn)); // A's own role (its task role on ECS)
        LocalUser reporting = aws.AddUser("reporting", "444444444444");  // a reporting service in a fourth account
        aws.AddApi("GET", "/prod/reports/{id}", reporting.Arn);        // C's resource policy names it...
        aws.SetIdentityPolicies(reporting.Arn, """{"Version":"2012-10-17","Statement":{"Sid":"PublishOnly","Effect":"Allow","Action":"sns:Publish","Resource":"*"}}""");
        (WebApplication serviceBHost, Uri serviceBAddress) = await ServiceB.StartAsync(aws, RoleA);
        await using WebApplication serviceBApp = serviceBHost;

        // Service A's configuration: the part a real application writes.
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var assumeRoleC = new AssumeRoleOptions { RoleArn = RoleC, ExternalId = "quickstart", StsEndpoint = aws.BaseAddress };
        builder.Services.AddSignedHttpClient("c-as-a", o => Api(o, aws, serviceA.ToAwsCredentials()));
        builder.Services.AddSignedHttpClient("c-as-b", o => Api(o, aws, serviceB.ToAwsCredentials()));
        builder.Services.AddSignedHttpClient("c-as-role-c", o => Api(o, aws, serviceA.ToAwsCredentials(), assumeRoleC));
        builder.Services.AddSignedHttpClient("c-as-reporting", o => Api(o, aws, reporting.ToAwsCredentials()));
        builder.Services.AddSnsPublisher<OrderPlaced>(o =>
        {
            o.TopicArn = TopicC;
            o.ServiceUrl = aws.BaseAddress;
            o.Credentials = serviceA.ToAwsCredentials();
            o.AssumeRole = assumeRoleC;
            o.JsonTypeInfo = QuickStartJson.Default.OrderPlaced;
        });
        builder.Services.AddEventBridgePublisher<OrderPlaced>(o =>
        {
            o.EventBusName = BusC;                                    // another account's bus: its ARN (region from it)
            o.Source = "com.example.service-a";
            o.ServiceUrl = aws.BaseAddress;
            o.Credentials = serviceA.ToAwsCredentials();
            o.AssumeRole = assumeRoleC;                               // the same role, the same cached credentials
            o.JsonTypeInfo = QuickStartJson.Default.OrderPlaced;      // DetailType defaults to "OrderPlaced"
        });
        builder.Services.AddHttpClient("b-m2m", c => c.BaseAddress = new Uri(aws.BaseAddress, "b/"))
            .AddClientCredentialsToken(o => Token(o, pool, appA, "orders/read"));
        builder.Services.AddHttpClient("b-m2m-write-only", c => c.BaseAddress = new Uri(aws.BaseAddress, "b/"))
            .AddClientCredentialsToken(o => Token(o, pool, appA, "orders/write"));
        var assumeRoleA = new AssumeRoleOptions { RoleArn = RoleA, StsEndpoint = aws.BaseAddress };
        builder.Services.AddHttpClient("b-as-role-a", c => c.BaseAddress = serviceBAddress)
            .AddIamIdentityToken(o => IdentityToken(o, ServiceB.Audience, serviceA.ToAwsCredentials(), assumeRoleA));
        builder.Services.AddHttpClient("b-with-token-for-c", c => c.BaseAddress = serviceBAddress)
            .AddIamIdentityToken(o => IdentityToken(o, "service-c", serviceA.ToAwsCredentials(), assumeRoleA));
        builder.Services.AddSignedHttpClient("b-sqs", o => Aws(o, aws, serviceB.ToAwsCredentials(), "sqs"));
        builder.Services.AddSignedHttpClient("b-sns", o => Aws(o, aws, serviceB.ToAwsCredentials(), "sns"));
        builder.Services.AddSnsMessageVerifier(o =>
        {
            o.AllowedTopicArns.Add(TopicC);                           // B accepts C's topic, nothing else
            o.TestSigningCertificate = aws.SigningCertificate;        // the local endpoint signs; never set in production
            o.TestSigningCertUrl = aws.SigningCertUrl;
        });
        using IHost host = builder.Build();
        await host.StartAsync();

        var clients = host.Services.GetRequiredService<IHttpClientFactory>();
        var transcript = new Transcript(output, aws.BaseAddress);
        output.WriteLine("""
            Three services, each in its own AWS account:
              A (111111111111) is the caller: everything below is A calling out.
              B (333333333333) has an API behind an API Gateway JWT authorizer (Cognito tokens), and its own ASP.NET Core
                endpoint with no API Gateway (IAM identity tokens).
              C (222222222222) owns an IAM-authorized API, an SNS topic and an EventBridge bus; its policies name A and
                C's own role orders-caller, which A may assume (with an external id).
            """);
        await transcript.StepAsync("service A calls C's API with its own identity (C's resource policy allows it)", HttpStatusCode.OK,
            () => clients.CreateClient("c-as-a").GetAsync("orders/42"));
        await transcript.StepAsync("C's resource policy keeps out callers it does not name: service B calls C's API and gets 403", HttpStatusCode.Forbidden,
            () => clients.CreateClient("c-as-b").GetAsync("orders/42"));
        await transcript.StepAsync("service A assumes C's role through STS and calls C's API", HttpStatusCode.OK,
            () => clients.CreateClient("c-as-role-c").GetAsync("orders/42"));
        var queueOfB = new QueueOfB(clients.CreateClient("b-sqs"), clients.CreateClient("b-sns"));
        (string queueUrl, string queueArn) = await queueOfB.CreateAsync("orders-for-b", TopicC);
        await transcript.CheckAsync("service B subscribes its SQS queue to C's topic (C's topic policy names that queue)", async () =>
        {
            (HttpStatusCode status, string detail) = await queueOfB.SubscribeAsync(TopicC, queueArn);
            return (status == HttpStatusCode.OK, $"{(int)status} {status} subscription {detail}");
        });
        await transcript.CheckAsync("service A publishes a typed OrderPlaced to C's SNS topic as C's role", async () =>
        {
            SnsPublishResult published = await host.Services.GetRequiredService<ISnsPublisher<OrderPlaced>>().PublishAsync(new OrderPlaced("order-42", 99.95m));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            IReadOnlyList<SnsDelivery> delivered = await orders.WaitForDeliveriesAsync(1, timeout.Token);
            OrderPlaced? received = JsonSerializer.Deserialize(delivered[0].Message, QuickStartJson.Default.OrderPlaced);
            return (received?.OrderId == "order-42", $"the subscriber received {received} (message {published.MessageId})");
        });

        await transcript.CheckAsync("B's queue receives it, and B verifies the SNS signature and that it came from C's topic", async () =>
        {
            string envelope = await queueOfB.ReceiveAndDeleteAsync(queueUrl) ?? "{}";
            SnsMessageVerificationResult verified = await host.Services.GetRequiredService<ISnsMessageVerifier>().VerifyAsync(envelope);
            OrderPlaced? order = verified.Message?.ReadMessage(QuickStartJson.Default.OrderPlaced);
            return (order?.OrderId == "order-42", verified.IsVerified
                ? $"B read {order} from {verified.Message!.TopicArn} (SignatureVersion {verified.Message.SignatureVersion})"
                : verified.ToString());
        });
        await transcript.CheckAsync("service B tries to subscribe a queue C's topic policy does not name", async () =>
        {
            (_, string otherArn) = await queueOfB.CreateAsync("orders-elsewhere", TopicC);
            (HttpStatusCode status, string detail) = await queueOfB.SubscribeAsync(TopicC, otherArn);
            return (status == HttpStatusCode.Forbidden, $"{(int)status} {status} {detail}");
        });

        await transcript.CheckAsync("service A puts a typed OrderPlaced event on C's EventBridge bus as C's role", async () =>
        {
            EventBridgeEntryResult put = await host.Services.GetRequiredService<IEventBridgePublisher<OrderPlaced>>().PublishAsync(new OrderPlaced("order-43", 12.50m));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            EventBridgeDelivery delivered = (await bus.WaitForEventsAsync(1, timeout.Token))[0];
            OrderPlaced? received = delivered.DetailAs(QuickStartJson.Default.OrderPlaced);
            return (received?.OrderId == "order-43" && delivered.DetailType == "OrderPlaced",
                $"a rule on C's bus matched detail-type {delivered.DetailType} with {received} (event {put.EventId})");
        });
        await transcript.StepAsync("service A calls B's API (JWT authorizer) with a machine-to-machine token from the Cognito pool", HttpStatusCode.OK,
            () => clients.CreateClient("b-m2m").GetAsync("orders/42"));
        await transcript.StepAsync("B's authorizer requires scope orders/read: A's token with only orders/write gets 403", HttpStatusCode.Forbidden,
            () => clients.CreateClient("b-m2m-write-only").GetAsync("orders/42"));
        await transcript.StepAsync("service A calls B's own ASP.NET Core endpoint (no API Gateway) with an IAM identity token; B names A's role", HttpStatusCode.OK,
            () => clients.CreateClient("b-as-role-a").GetAsync("orders/42"));
        await transcript.StepAsync("B accepts only tokens minted for B: A's token for another audience (service C) gets 401", HttpStatusCode.Unauthorized,
            () => clients.CreateClient("b-with-token-for-c").GetAsync("orders/42"));
        await transcript.StepAsync("a reporting service in another account calls C's API: C's policy names it, but its own identity policy lacks execute-api:Invoke", HttpStatusCode.Forbidden,
            () => clients.CreateClient("c-as-reporting").GetAsync("reports/7"), () => aws.LastDenial);

        await host.StopAsync();
        return transcript.Finish(aws.StsAssumeRoleCallCount);
    }

    private static void Token(ClientCredentialsTokenOptions o, LocalUserPool pool, LocalAppClient client, string scope)
    {
        o.TokenEndpoint = pool.TokenEndpoint;
        o.ClientId = client.ClientId;
        o.ClientSecret = client.ClientSecret;
        o.Scopes.Add(scope);
    }

    private static void IdentityToken(ServiceAuth.Client.IdentityTokens.IamIdentityTokenOptions o, string audience, AWSCredentials credentials, AssumeRoleOptions assumeRole)
    {
        o.Audience = audience;
        o.StsRegion = "us-east-1";
        o.Credentials = credentials;
        o.AssumeRole = assumeRole;
    }

    private static void Aws(SignedHttpClientOptions o, LocalAwsEndpoint aws, AWSCredentials credentials, string service)
    {
        o.BaseAddress = aws.BaseAddress;
        o.Region = "us-east-1";
        o.Service = service;
        o.Credentials = credentials;
    }

    private static void Api(SignedHttpClientOptions o, LocalAwsEndpoint aws, AWSCredentials credentials, AssumeRoleOptions? assumeRole = null)
    {
        o.BaseAddress = new Uri(aws.BaseAddress, "prod/");
        o.Region = "us-east-1";
        o.Service = "execute-api";
        o.Credentials = credentials;
        o.AssumeRole = assumeRole;
    }
}
