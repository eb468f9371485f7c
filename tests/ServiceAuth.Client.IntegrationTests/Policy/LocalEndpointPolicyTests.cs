using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using ServiceAuth.Client.IntegrationTests.Testing;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Policy;

/// <summary>The endpoint decides access as AWS does: the caller's own policy across accounts, session policies,
/// conditions on where the caller comes from, and it says why it denied.</summary>
public sealed class LocalEndpointPolicyTests : IDisposable
{
    private const string OwnerAccount = "111111111111";
    private const string RouteArns = "arn:aws:execute-api:us-east-1:111111111111:local/test/GET/orders/*";
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly LocalAwsEndpoint _endpoint;
    private readonly SignedSender _sender;

    public LocalEndpointPolicyTests()
    {
        _endpoint = LocalAwsEndpoint.CreateInMemory(new LocalAwsEndpointOptions { TimeProvider = _time, AccountId = OwnerAccount });
        _sender = new SignedSender(_endpoint, _time);
    }

    [Fact]
    public async Task ApiRoute_CrossAccountCallerWhosePolicyLacksInvoke_IsDeniedWithTheReason()
    {
        LocalUser reporting = _endpoint.AddUser("reporting", "444444444444");
        _endpoint.AddApi("GET", "/orders/{id}", reporting.Arn);
        _endpoint.SetIdentityPolicies(reporting.Arn, """{"Version":"2012-10-17","Statement":{"Sid":"PublishOnly","Effect":"Allow","Action":"sns:Publish","Resource":"*"}}""");

        using HttpResponseMessage denied = await _sender.GetAsync("/orders/7", reporting.Credentials);
        _endpoint.SetIdentityPolicies(reporting.Arn, $$$"""{"Statement":{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"{{{RouteArns}}}"}}""");
        using HttpResponseMessage allowed = await _sender.GetAsync("/orders/7", reporting.Credentials);

        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        denied.Headers.GetValues("x-amzn-ErrorType").Single().ShouldBe("AccessDeniedException");
        using (JsonDocument body = JsonDocument.Parse(await denied.Content.ReadAsStringAsync()))
        {
            body.RootElement.GetProperty("Message").GetString().ShouldBe(
                "User: arn:aws:iam::444444444444:user/reporting is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********1111:local/test/GET/orders/7");
        }

        _endpoint.Requests[0].Denial.ShouldNotBeNull().ShouldContain("cross-account: caller account 444444444444, resource account 111111111111");
        _endpoint.Requests[0].Denial!.ShouldContain("statement 'PublishOnly' of identity-based policy 1 of arn:aws:iam::444444444444:user/reporting: Action [sns:Publish] does not include execute-api:Invoke");
        await allowed.ShouldBeAllowedAsync(_endpoint);
        _endpoint.Requests[1].Denial.ShouldBeNull();
    }

    [Fact]
    public async Task ApiRoute_SameAccountIdentityPolicy_AllowsWithoutTheRouteNamingTheCaller()
    {
        LocalUser ops = _endpoint.AddUser("ops", OwnerAccount);
        _endpoint.AddApi("GET", "/orders/{id}");
        _endpoint.SetIdentityPolicies(ops.Arn, $$$"""{"Statement":{"Effect":"Allow","Action":"execute-api:*","Resource":"{{{RouteArns}}}"}}""");

        using HttpResponseMessage response = await _sender.GetAsync("/orders/7", ops.Credentials);

        await response.ShouldBeAllowedAsync(_endpoint);
    }

    [Fact]
    public async Task ApiPolicy_NotIpAddressDeny_UsesTheSourceIpHeader_AndSaysExplicitDeny()
    {
        LocalUser caller = _endpoint.AddUser("caller", "222222222222");
        _endpoint.AddApi("GET", "/orders/{id}");
        _endpoint.SetResourcePolicy("arn:aws:execute-api:us-east-1:111111111111:local", """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*"},
              {"Sid":"OfficeOnly","Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*",
               "Condition":{"NotIpAddress":{"aws:SourceIp":"192.0.2.0/24"}}}]}
            """);

        using HttpRequestMessage office = _sender.Request(HttpMethod.Get, "/orders/1");
        office.Headers.Add("x-local-aws-source-ip", "192.0.2.10");
        using HttpResponseMessage allowed = await _sender.SignAndSendAsync(office, caller.Credentials);
        using HttpRequestMessage elsewhere = _sender.Request(HttpMethod.Get, "/orders/1");
        elsewhere.Headers.Add("x-local-aws-source-ip", "203.0.113.9");
        using HttpResponseMessage denied = await _sender.SignAndSendAsync(elsewhere, caller.Credentials);

        await allowed.ShouldBeAllowedAsync(_endpoint);
        (await denied.Content.ReadAsStringAsync()).ShouldEndWith("local/test/GET/orders/1 with an explicit deny\"}");
        await denied.ShouldBeDeniedAsync(_endpoint, "DENIED, explicitly by statement 'OfficeOnly' of the API's resource-based policy");
    }

    [Fact]
    public async Task Conditions_VpcEndpointAndOrganization_ComeFromTheCallerContext()
    {
        LocalUser caller = _endpoint.AddUser("caller", "222222222222");
        _endpoint.AddApi("GET", "/orders/{id}");
        _endpoint.SetResourcePolicy("arn:aws:execute-api:us-east-1:111111111111:local", """
            {"Statement":{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*",
             "Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d","aws:PrincipalOrgID":"o-a1b2c3d4e5"},"Bool":{"aws:SecureTransport":"true"}}}}
            """);
        _endpoint.SetCallerContext(caller.Arn, c => c.SourceVpce = "vpce-1a2b3c4d");

        using HttpResponseMessage outside = await _sender.GetAsync("/orders/1", caller.Credentials);
        _endpoint.SetOrganization("222222222222", "o-a1b2c3d4e5");
        using HttpResponseMessage inside = await _sender.GetAsync("/orders/1", caller.Credentials);

        await outside.ShouldBeDeniedAsync(_endpoint, "condition StringEquals aws:PrincipalOrgID [o-a1b2c3d4e5] is false (the request has no aws:PrincipalOrgID)");
        await inside.ShouldBeAllowedAsync(_endpoint);
    }

    [Fact]
    public async Task AssumeRole_CrossAccountCallerWithoutStsAssumeRole_IsAccessDenied()
    {
        LocalUser partner = _endpoint.AddUser("partner", "222222222222");
        const string Role = "arn:aws:iam::111111111111:role/vendor";
        _endpoint.AddRole(Role, trust => trust.AllowPrincipal("arn:aws:iam::222222222222:root").RequireExternalId("ext-1"));
        _endpoint.SetIdentityPolicies(partner.Arn, """{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}""");

        using HttpResponseMessage denied = await AssumeAsync(partner.Credentials, Role, ("ExternalId", "ext-1"));
        string lacking = _endpoint.LastDenial!;
        _endpoint.SetIdentityPolicies(partner.Arn, $$$"""{"Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"{{{Role}}}"}}""");
        using HttpResponseMessage wrongId = await AssumeAsync(partner.Credentials, Role, ("ExternalId", "other"));
        using HttpResponseMessage allowed = await AssumeAsync(partner.Credentials, Role, ("ExternalId", "ext-1"));

        (await SignedSender.ErrorCodeAsync(denied)).ShouldBe("AccessDenied");
        lacking.ShouldContain("A cross-account request needs the caller's identity-based policy to allow it too, and none does");
        await wrongId.ShouldBeDeniedAsync(_endpoint, "condition StringEquals sts:ExternalId [ext-1] is false (the request has [other])");
        await allowed.ShouldBeAllowedAsync(_endpoint);
    }

    [Fact]
    public async Task AssumeRole_SessionPolicies_LimitTheSession_AndPolicyArnsAddBack()
    {
        LocalUser host = _endpoint.AddUser("host", OwnerAccount);
        const string Role = "arn:aws:iam::111111111111:role/app";
        _endpoint.AddRole(Role, trust => trust.AllowPrincipal(host.Arn));
        _endpoint.SetIdentityPolicies(Role, """{"Statement":{"Effect":"Allow","Action":["execute-api:Invoke","sns:Publish"],"Resource":"*"}}""");
        _endpoint.AddManagedPolicy("arn:aws:iam::111111111111:policy/invoke", """{"Statement":{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"}}""");
        _endpoint.AddApi("GET", "/orders/{id}", Role);
        const string PublishOnly = """{"Statement":{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}}""";

        ImmutableCredentials limited = await CredentialsAsync(await AssumeAsync(host.Credentials, Role, ("Policy", PublishOnly)));
        using HttpResponseMessage denied = await _sender.GetAsync("/orders/1", limited);
        ImmutableCredentials widened = await CredentialsAsync(await AssumeAsync(host.Credentials, Role, ("Policy", PublishOnly), ("PolicyArns.member.1.arn", "arn:aws:iam::111111111111:policy/invoke")));
        using HttpResponseMessage allowed = await _sender.GetAsync("/orders/1", widened);
        using HttpResponseMessage malformed = await AssumeAsync(host.Credentials, Role, ("Policy", "{not json"));

        await denied.ShouldBeDeniedAsync(_endpoint, "The session's policies do not allow it");
        await allowed.ShouldBeAllowedAsync(_endpoint);
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SignedSender.ErrorCodeAsync(malformed)).ShouldBe("MalformedPolicyDocument");
    }

    [Fact]
    public async Task SnsPublish_ExplicitDenyInTheCallersPolicy_SaysSoInTheMessage()
    {
        LocalUser publisher = _endpoint.AddUser("publisher", OwnerAccount);
        const string Topic = "arn:aws:sns:us-east-1:111111111111:orders";
        LocalTopic topic = _endpoint.AddTopic(Topic, publisher.Arn);
        _endpoint.SetIdentityPolicies(publisher.Arn, """{"Statement":{"Sid":"NoSns","Effect":"Deny","Action":"sns:*","Resource":"*"}}""");

        using HttpResponseMessage response = await _sender.PostFormAsync("sns", publisher.Credentials, ("Action", "Publish"), ("TopicArn", Topic), ("Message", "m"));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SignedSender.ReadXmlAsync(response)).Descendants(SignedSender.Sns + "Message").Single().Value.ShouldBe(
            "User: arn:aws:iam::111111111111:user/publisher is not authorized to perform: SNS:Publish on resource: arn:aws:sns:us-east-1:111111111111:orders with an explicit deny in an identity-based policy");
        _endpoint.LastDenial.ShouldNotBeNull().ShouldContain("explicitly by statement 'NoSns' of identity-based policy 1 of arn:aws:iam::111111111111:user/publisher");
        topic.Deliveries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Helper_AllowedAssertionFails_WithTheDenialInItsMessage()
    {
        LocalUser stranger = _endpoint.AddUser("stranger", "999999999999");
        _endpoint.AddApi("GET", "/orders/{id}", "arn:aws:iam::111111111111:root");

        using HttpResponseMessage response = await _sender.GetAsync("/orders/1", stranger.Credentials);

        string? message = null;
        try
        {
            await response.ShouldBeAllowedAsync(_endpoint);
        }
        catch (ShouldAssertException e)
        {
            message = e.Message;
        }

        message.ShouldNotBeNull().ShouldContain("Why: arn:aws:iam::999999999999:user/stranger -> execute-api:Invoke on arn:aws:execute-api:us-east-1:111111111111:local/test/GET/orders/1");
        message.ShouldContain("Principal does not name arn:aws:iam::999999999999:user/stranger");
    }

    public void Dispose() => _sender.Dispose();

    private Task<HttpResponseMessage> AssumeAsync(ImmutableCredentials caller, string role, params (string Name, string Value)[] extra) =>
        _sender.PostFormAsync("sts", caller, [("Action", "AssumeRole"), ("Version", "2011-06-15"), ("RoleArn", role), ("RoleSessionName", "s1"), .. extra]);

    private async Task<ImmutableCredentials> CredentialsAsync(HttpResponseMessage response)
    {
        using (response)
        {
            await response.ShouldBeAllowedAsync(_endpoint);
            System.Xml.Linq.XElement c = (await SignedSender.ReadXmlAsync(response)).Descendants(SignedSender.Sts + "Credentials").Single();
            return new ImmutableCredentials(c.Element(SignedSender.Sts + "AccessKeyId")!.Value, c.Element(SignedSender.Sts + "SecretAccessKey")!.Value, c.Element(SignedSender.Sts + "SessionToken")!.Value);
        }
    }
}
