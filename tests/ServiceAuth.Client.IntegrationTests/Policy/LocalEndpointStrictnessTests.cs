using System.Net;
using System.Text;
using System.Text.Json;
using ServiceAuth.Client.IntegrationTests.Testing;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Policy;

/// <summary>Defects found from outside (issue 22): the JSON services' scope errors, the region of PutEvents' bus ARN,
/// and the region check for EventBridge and AppSync.</summary>
public sealed class LocalEndpointStrictnessTests
{
    private const string Bus = "arn:aws:events:eu-west-1:111111111111:event-bus/orders";
    private readonly FakeTimeProvider _time = new(TestClock.Start);

    [Fact]
    public async Task PutEvents_SignedForAnotherService_IsInvalidSignatureExceptionNamingEvents()
    {
        (LocalAwsEndpoint endpoint, LocalUser user, LocalEventBus bus) = Arrange("eu-west-1");
        using var sender = new SignedSender(endpoint, _time);

        using HttpResponseMessage response = await PutEventsAsync(sender, user, Bus, service: "sns", region: "eu-west-1");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("InvalidSignatureException");
        (await MessageAsync(response)).ShouldBe("Credential should be scoped to correct service: 'events'. ");
        bus.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task PutEvents_SignedForUsWest2_NamingAnEuWest1Bus_IsRefusedAndNotDelivered()
    {
        (LocalAwsEndpoint endpoint, LocalUser user, LocalEventBus bus) = Arrange("us-west-2");
        using var sender = new SignedSender(endpoint, _time);

        using HttpResponseMessage response = await PutEventsAsync(sender, user, Bus, service: "events", region: "us-west-2");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("ValidationException");
        (await MessageAsync(response)).ShouldBe("Cross-region API call is not allowed.");
        bus.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task PutEvents_SignedForARegionTheEndpointDoesNotServe_IsInvalidSignatureException()
    {
        (LocalAwsEndpoint endpoint, LocalUser user, LocalEventBus bus) = Arrange("eu-west-1");
        using var sender = new SignedSender(endpoint, _time);

        using HttpResponseMessage response = await PutEventsAsync(sender, user, "arn:aws:events:us-west-2:111111111111:event-bus/orders", service: "events", region: "us-west-2");

        response.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("InvalidSignatureException");
        (await MessageAsync(response)).ShouldBe("Credential should be scoped to a valid region, not 'us-west-2'. ");
        bus.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task AppSync_SignedForAnotherRegion_IsInvalidSignatureException()
    {
        await using LocalAwsEndpoint endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = _time, Region = "eu-west-1" });
        LocalUser user = endpoint.AddUser("caller");
        int resolved = 0;
        endpoint.AddAppSyncApi(_ => { resolved++; return AppSyncOperation.Data("{}"); }, user.Arn);
        using var sender = new SignedSender(endpoint, _time);

        using HttpResponseMessage wrong = await sender.SignAndSendAsync(sender.Request(HttpMethod.Post, "/graphql", """{"query":"{ a }"}"""), user.Credentials, "appsync", region: "us-west-2");
        using HttpResponseMessage right = await sender.SignAndSendAsync(sender.Request(HttpMethod.Post, "/graphql", """{"query":"{ a }"}"""), user.Credentials, "appsync", region: "eu-west-1");

        wrong.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        wrong.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("InvalidSignatureException");
        using (JsonDocument body = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync()))
        {
            body.RootElement.GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe("Credential should be scoped to a valid region, not 'us-west-2'. ");
        }

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        resolved.ShouldBe(1);
    }

    [Fact]
    public async Task PutEvents_CrossAccountCallerWithoutPutEvents_NamesTheIdentityPolicy()
    {
        (LocalAwsEndpoint endpoint, _, LocalEventBus bus) = Arrange("eu-west-1");
        LocalUser other = endpoint.AddUser("other", "222222222222");
        endpoint.SetResourcePolicy(Bus, """{"Statement":{"Effect":"Allow","Principal":{"AWS":"222222222222"},"Action":"events:PutEvents","Resource":"*"}}""");
        endpoint.SetIdentityPolicies(other.Arn, """{"Statement":{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}}""");
        using var sender = new SignedSender(endpoint, _time);

        using HttpResponseMessage response = await PutEventsAsync(sender, other, Bus, service: "events", region: "eu-west-1");

        response.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("AccessDeniedException");
        (await MessageAsync(response)).ShouldBe($"User: {other.Arn} is not authorized to perform: events:PutEvents on resource: {Bus} because no identity-based policy allows the events:PutEvents action");
        await response.ShouldBeDeniedAsync(endpoint, "A cross-account request needs the caller's identity-based policy to allow it too");
        bus.Events.ShouldBeEmpty();
    }

    private (LocalAwsEndpoint Endpoint, LocalUser User, LocalEventBus Bus) Arrange(string region)
    {
        LocalAwsEndpoint endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = _time, Region = region });
        LocalUser user = endpoint.AddUser("publisher");
        return (endpoint, user, endpoint.AddEventBus(Bus, user.Arn));
    }

    private static async Task<HttpResponseMessage> PutEventsAsync(SignedSender sender, LocalUser user, string bus, string service, string region)
    {
        var request = sender.Request(HttpMethod.Post, "/");
        request.Content = new StringContent($$"""{"Entries":[{"Source":"s","DetailType":"T","Detail":"{}","EventBusName":"{{bus}}"}]}""", Encoding.UTF8);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", "AWSEvents.PutEvents");
        return await sender.SignAndSendAsync(request, user.Credentials, service, region: region);
    }

    private static async Task<string?> MessageAsync(HttpResponseMessage response)
    {
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("message").GetString();
    }
}
