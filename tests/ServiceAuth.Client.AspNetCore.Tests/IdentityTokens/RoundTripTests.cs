using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.AspNetCore.IdentityTokens;
using ServiceAuth.Client.AspNetCore.Tests.Support;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

public sealed class RoundTripTests
{
    [Fact]
    public async Task User_AsTokenAcceptedByB_ClaimsNameTheUserAndAccount()
    {
        await using AttackBed bed = await AttackBed.StartAsync();

        using HttpResponseMessage response = await bed.A.HttpClient.GetAsync("whoami");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        string claims = await response.Content.ReadAsStringAsync();
        claims.ShouldContain($"{IamIdentityClaimTypes.Account}=111111111111");
        claims.ShouldContain($"{IamIdentityClaimTypes.Arn}=arn:aws:iam::111111111111:user/service-a");
        claims.ShouldContain($"{IamIdentityClaimTypes.PrincipalType}=user");
        claims.ShouldContain($"{IamIdentityClaimTypes.UserId}=AIDA");
        claims.ShouldNotContain(IamIdentityClaimTypes.RoleArn);
        bed.StsCalls.ShouldBe(1);
    }

    [Fact]
    public async Task ReusedToken_SecondRequest_IsServedFromTheVerifiedCacheWithoutAnotherStsCall()
    {
        await using AttackBed bed = await AttackBed.StartAsync();

        (await bed.A.HttpClient.GetAsync("whoami")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bed.A.HttpClient.GetAsync("whoami")).StatusCode.ShouldBe(HttpStatusCode.OK);

        bed.StsCalls.ShouldBe(1);
    }

    [Fact]
    public async Task RebuiltStsRequest_CarriesOnlyValidatedParts_AndThisServicesAudience()
    {
        StubStsHandler? recorder = null;
        await using AttackBed bed = await AttackBed.StartAsync(stsHandler: aws =>
        {
            var inner = new HttpMessageInvoker(aws.CreateHandler());
            return recorder = new StubStsHandler((request, ct) => inner.SendAsync(request, ct));
        });

        (await bed.A.HttpClient.GetAsync("whoami")).StatusCode.ShouldBe(HttpStatusCode.OK);

        HttpRequestMessage sent = recorder!.Requests.ShouldHaveSingleItem();
        sent.Method.ShouldBe(HttpMethod.Get);
        sent.RequestUri!.GetLeftPart(UriPartial.Path).ShouldBe("https://sts.us-east-1.amazonaws.com/");
        sent.RequestUri.Query.ShouldStartWith("?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=");
        sent.Headers.Accept.ToString().ShouldBe("application/json");
        sent.Headers.GetValues("x-serviceauth-audience").ShouldBe(["service-b"]);
        sent.Headers.Authorization.ShouldBeNull();
    }

    [Fact]
    public async Task AssumedRole_OverKestrelThroughTheStsClientsHandler_ClaimsNameTheRoleAndSession()
    {
        await using LocalAwsEndpoint aws = await LocalAwsEndpoint.StartAsync();
        LocalUser user = aws.AddUser("service-a", Principals.AccountA);
        aws.AddRole(Principals.OrdersRole, trust => trust.AllowPrincipal(user.Arn));
        await using ServiceB b = await ServiceB.StartAsync(TimeProvider.System, s => LoopbackSts.Use(s, aws.BaseAddress));
        await using var a = new CallerA(TimeProvider.System, b.CreateHandler(), o =>
        {
            o.Audience = ServiceB.Audience;
            o.Credentials = user.ToAwsCredentials();
            o.AssumeRole = new AssumeRoleOptions { RoleArn = Principals.OrdersRole, RoleSessionName = "checkout-1", StsEndpoint = aws.BaseAddress };
        });

        using HttpResponseMessage whoami = await a.HttpClient.GetAsync("whoami");
        using HttpResponseMessage ordersRoles = await a.HttpClient.GetAsync("orders-roles");

        whoami.StatusCode.ShouldBe(HttpStatusCode.OK);
        string claims = await whoami.Content.ReadAsStringAsync();
        claims.ShouldContain($"{IamIdentityClaimTypes.Arn}=arn:aws:sts::111111111111:assumed-role/orders-writer/checkout-1");
        claims.ShouldContain($"{IamIdentityClaimTypes.RoleArn}={Principals.OrdersRole}");
        claims.ShouldContain($"{IamIdentityClaimTypes.SessionName}=checkout-1");
        claims.ShouldContain($"{IamIdentityClaimTypes.PrincipalType}=assumed-role");
        claims.ShouldContain($"{IamIdentityClaimTypes.UserId}=AROA");
        ordersRoles.StatusCode.ShouldBe(HttpStatusCode.OK);
        aws.Requests.Count(r => r.Action == "GetCallerIdentity").ShouldBe(1);
        aws.StsAssumeRoleCallCount.ShouldBe(1);
    }

    [Fact]
    public async Task RolePolicy_UserCaller_IsForbiddenButAccountPolicyAllowsIt()
    {
        await using AttackBed bed = await AttackBed.StartAsync();

        (await bed.A.HttpClient.GetAsync("orders-roles")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await bed.A.HttpClient.GetAsync("account-a")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OtherBearerToken_IsNotThisHandlers_NoRefusalLoggedAndNoStsCall()
    {
        await using AttackBed bed = await AttackBed.StartAsync();

        using HttpResponseMessage response = await bed.B.GetAsync("whoami", "eyJhbGciOiJSUzI1NiJ9.e30.sig");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        bed.B.Logs.GetSnapshot().ShouldNotContain(r => r.Id.Id == 820 || r.Id.Id == 821);
        bed.StsCalls.ShouldBe(0);
    }
}
