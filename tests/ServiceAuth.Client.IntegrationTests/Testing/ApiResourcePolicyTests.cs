using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Testing;

/// <summary>The classic pattern: service C's API allows only service A's role. Runs in memory and on Kestrel.</summary>
public sealed class ApiResourcePolicyTests
{
    private const string RoleA = "arn:aws:iam::111111111111:role/service-a";
    private const string RoleB = "arn:aws:iam::111111111111:role/service-b";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ServiceC_AllowsServiceARole_AndDeniesServiceB(bool inMemory)
    {
        await using LocalAwsEndpoint endpoint = inMemory ? LocalAwsEndpoint.CreateInMemory() : await LocalAwsEndpoint.StartAsync();
        (ImmutableCredentials a, ImmutableCredentials b, SignedSender sender) = await ArrangeAsync(endpoint, TimeProvider.System, inMemory);
        using (sender)
        {
            using HttpResponseMessage allowed = await sender.GetAsync("/c/orders/42", a);
            using HttpResponseMessage denied = await sender.GetAsync("/c/orders/42", b);

            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, await allowed.Content.ReadAsStringAsync());
            using (JsonDocument json = JsonDocument.Parse(await allowed.Content.ReadAsStringAsync()))
            {
                json.RootElement.GetProperty("caller").GetString().ShouldBe("arn:aws:sts::111111111111:assumed-role/service-a/s1");
            }

            denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            denied.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("AccessDeniedException");
            using JsonDocument body = JsonDocument.Parse(await denied.Content.ReadAsStringAsync());
            body.RootElement.GetProperty("Message").GetString().ShouldBe(
                "User: arn:aws:sts::111111111111:assumed-role/service-b/s1 is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********1111:local/test/GET/c/orders/42");
        }
    }

    [Fact]
    public async Task Responder_SeesRouteValuesAndCaller()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        await using LocalAwsEndpoint endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = time });
        LocalUser user = endpoint.AddUser("u");
        endpoint.AddApi("POST", "/items/{id}/{rest+}", [user.Arn], call => new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = new StringContent($"{call.RouteValues["id"]}|{call.RouteValues["rest"]}|{call.Body}|{call.CallerArn}"),
        });
        using var sender = new SignedSender(endpoint, time);

        using HttpResponseMessage response = await sender.SignAndSendAsync(sender.Request(HttpMethod.Post, "/items/7/a/b", "{}"), user.Credentials);
        using HttpResponseMessage missing = await sender.GetAsync("/nope", user.Credentials);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.Content.ReadAsStringAsync()).ShouldBe($"7|a/b|{{}}|{user.Arn}");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ExpiredSession_IsExpiredToken_AfterLifetimeOrKnob()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        await using LocalAwsEndpoint endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = time, IssuedCredentialLifetime = TimeSpan.FromMinutes(2) });
        (ImmutableCredentials a, _, SignedSender sender) = await ArrangeAsync(endpoint, time, inMemory: true);
        using (sender)
        {
            (await sender.GetAsync("/c/orders/1", a)).StatusCode.ShouldBe(HttpStatusCode.OK);

            time.Advance(TimeSpan.FromMinutes(2));
            using HttpResponseMessage expired = await sender.GetAsync("/c/orders/1", a);
            expired.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            expired.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("ExpiredTokenException");

            ImmutableCredentials fresh = await sender.AssumeRoleAsync(endpoint.AddUser("a2").Credentials, RoleA, "s2");
            (await sender.GetAsync("/c/orders/1", fresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
            endpoint.Faults.ExpireAllIssuedTokens();
            using HttpResponseMessage revoked = await sender.PostFormAsync("sts", fresh, ("Action", "GetCallerIdentity"), ("Version", "2011-06-15"));
            revoked.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await SignedSender.ErrorCodeAsync(revoked)).ShouldBe("ExpiredToken");
        }
    }

    [Fact]
    public async Task SessionKeyWithoutItsToken_IsInvalidClientTokenId()
    {
        await using LocalAwsEndpoint endpoint = LocalAwsEndpoint.CreateInMemory();
        (ImmutableCredentials a, _, SignedSender sender) = await ArrangeAsync(endpoint, TimeProvider.System, inMemory: true);
        using (sender)
        {
            using HttpResponseMessage response = await sender.GetAsync("/c/orders/1", new ImmutableCredentials(a.AccessKey, a.SecretKey, null));

            response.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("UnrecognizedClientException");
        }
    }

    [Fact]
    public async Task DelayKnob_WaitsOnTheEndpointClock_AndFailKnobAnswers503()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        await using LocalAwsEndpoint endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = time });
        LocalUser user = endpoint.AddUser("u");
        endpoint.AddApi("GET", "/ping", user.Arn);
        using var sender = new SignedSender(endpoint, time);

        endpoint.Faults.Delay(TimeSpan.FromSeconds(30));
        Task<HttpResponseMessage> delayed = sender.GetAsync("/ping", user.Credentials);
        await Task.Yield();
        delayed.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(30));
        using (HttpResponseMessage response = await delayed)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        endpoint.Faults.Delay(TimeSpan.Zero);
        endpoint.Faults.FailNextRequests(1, 503);
        using HttpResponseMessage unavailable = await sender.GetAsync("/ping", user.Credentials);
        using HttpResponseMessage recovered = await sender.GetAsync("/ping", user.Credentials);
        unavailable.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        recovered.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<(ImmutableCredentials A, ImmutableCredentials B, SignedSender Sender)> ArrangeAsync(LocalAwsEndpoint endpoint, TimeProvider time, bool inMemory)
    {
        LocalUser hostA = endpoint.AddUser("host-a");
        LocalUser hostB = endpoint.AddUser("host-b");
        endpoint.AddRole(RoleA, trust => trust.AllowPrincipal("arn:aws:iam::111111111111:root"));
        endpoint.AddRole(RoleB, trust => trust.AllowPrincipal(hostB.Arn));
        endpoint.AddApi("GET", "/c/orders/{id}", RoleA);
        var sender = new SignedSender(endpoint, time, inMemory);
        return (await sender.AssumeRoleAsync(hostA.Credentials, RoleA), await sender.AssumeRoleAsync(hostB.Credentials, RoleB), sender);
    }
}
