using System.Net;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Testing;

/// <summary>STS AssumeRole on Kestrel, called through the real AWS SDK client.</summary>
public sealed class StsAssumeRoleTests : IAsyncLifetime
{
    private const string OrdersRole = "arn:aws:iam::222222222222:role/orders-writer";
    private LocalAwsEndpoint _endpoint = null!;
    private LocalUser _serviceA = null!;
    private LocalUser _serviceB = null!;

    public async Task InitializeAsync()
    {
        _endpoint = await LocalAwsEndpoint.StartAsync();
        _serviceA = _endpoint.AddUser("service-a");
        _serviceB = _endpoint.AddUser("service-b");
        _endpoint.AddRole(OrdersRole, trust => trust.AllowPrincipal(_serviceA.Arn).RequireExternalId("tenant-7"));
    }

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Fact]
    public async Task SdkClient_ParsesIssuedCredentials()
    {
        using AmazonSecurityTokenServiceClient sts = Client(_serviceA);
        DateTimeOffset before = _endpoint.UtcNow;

        AssumeRoleResponse response = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = OrdersRole,
            RoleSessionName = "orders-1",
            ExternalId = "tenant-7",
            DurationSeconds = 1800,
            SourceIdentity = "svc-a",
        });

        response.Credentials.AccessKeyId.ShouldStartWith("ASIA");
        response.Credentials.SecretAccessKey.ShouldNotBeNullOrEmpty();
        response.Credentials.SessionToken.ShouldNotBeNullOrEmpty();
        response.Credentials.Expiration!.Value.ShouldBeInRange(before.UtcDateTime.AddSeconds(1799), before.UtcDateTime.AddSeconds(1802));
        response.AssumedRoleUser.Arn.ShouldBe("arn:aws:sts::222222222222:assumed-role/orders-writer/orders-1");
        response.AssumedRoleUser.AssumedRoleId.ShouldEndWith(":orders-1");
        response.SourceIdentity.ShouldBe("svc-a");
        response.ResponseMetadata.RequestId.ShouldNotBeNullOrEmpty();
        _endpoint.StsAssumeRoleCallCount.ShouldBe(1);
    }

    [Fact]
    public async Task SdkClient_CallerIdentityOfIssuedSession_IsTheAssumedRole()
    {
        using AmazonSecurityTokenServiceClient sts = Client(_serviceA);
        AssumeRoleResponse assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = OrdersRole, RoleSessionName = "s1", ExternalId = "tenant-7" });
        var session = new SessionAWSCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken);
        using var asRole = new AmazonSecurityTokenServiceClient(session, Config());

        GetCallerIdentityResponse identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        identity.Arn.ShouldBe("arn:aws:sts::222222222222:assumed-role/orders-writer/s1");
        identity.Account.ShouldBe("222222222222");
        identity.UserId.ShouldBe(assumed.AssumedRoleUser.AssumedRoleId);
    }

    [Fact]
    public async Task UnlistedPrincipal_IsAccessDenied()
    {
        using AmazonSecurityTokenServiceClient sts = Client(_serviceB);

        AmazonSecurityTokenServiceException error = await Should.ThrowAsync<AmazonSecurityTokenServiceException>(
            () => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = OrdersRole, RoleSessionName = "xx", ExternalId = "tenant-7" }));

        error.ErrorCode.ShouldBe("AccessDenied");
        error.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        error.Message.ShouldBe($"User: {_serviceB.Arn} is not authorized to perform: sts:AssumeRole on resource: {OrdersRole}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("tenant-8")]
    public async Task WrongOrMissingExternalId_IsAccessDenied(string? externalId)
    {
        using AmazonSecurityTokenServiceClient sts = Client(_serviceA);

        AmazonSecurityTokenServiceException error = await Should.ThrowAsync<AmazonSecurityTokenServiceException>(
            () => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = OrdersRole, RoleSessionName = "xx", ExternalId = externalId }));

        error.ErrorCode.ShouldBe("AccessDenied");
    }

    [Fact]
    public async Task DurationAboveRoleMaximum_IsValidationError()
    {
        using AmazonSecurityTokenServiceClient sts = Client(_serviceA);

        AmazonSecurityTokenServiceException error = await Should.ThrowAsync<AmazonSecurityTokenServiceException>(
            () => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = OrdersRole, RoleSessionName = "xx", ExternalId = "tenant-7", DurationSeconds = 7200 }));

        error.ErrorCode.ShouldBe("ValidationError");
        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ThrottleKnob_SurfacesAsThrottlingException()
    {
        _endpoint.Faults.ThrottleNextStsCalls(1);
        using AmazonSecurityTokenServiceClient sts = Client(_serviceA);

        AmazonSecurityTokenServiceException error = await Should.ThrowAsync<AmazonSecurityTokenServiceException>(
            () => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = OrdersRole, RoleSessionName = "xx", ExternalId = "tenant-7" }));

        error.ErrorCode.ShouldBe("Throttling");
        error.Message.ShouldBe("Rate exceeded");
        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.RequestId.ShouldNotBeNullOrEmpty();
        _endpoint.StsAssumeRoleCallCount.ShouldBe(1);
        _endpoint.Requests.ShouldHaveSingleItem().ErrorCode.ShouldBe("Throttling");
    }

    [Fact]
    public async Task ThrottledCalls_AreRetriedBySdk_AndCounted()
    {
        _endpoint.Faults.ThrottleNextStsCalls(2);
        using var sts = new AmazonSecurityTokenServiceClient(_serviceA.ToAwsCredentials(), new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = _endpoint.BaseAddress.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 3,
        });

        AssumeRoleResponse response = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = OrdersRole, RoleSessionName = "retried", ExternalId = "tenant-7" });

        response.Credentials.AccessKeyId.ShouldStartWith("ASIA");
        _endpoint.StsAssumeRoleCallCount.ShouldBe(3);
        _endpoint.Requests.Select(r => r.ErrorCode).ShouldBe(["Throttling", "Throttling", null]);
    }

    [Fact]
    public async Task AuthorizationWithoutSignature_IsIncompleteSignature()
    {
        using var client = new HttpClient { BaseAddress = _endpoint.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent("Action=GetCallerIdentity&Version=2011-06-15", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={_serviceA.Credentials.AccessKey}/20261122/us-east-1/sts/aws4_request, SignedHeaders=host");

        using HttpResponseMessage response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        string body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("<Code>IncompleteSignature</Code>");
        body.ShouldContain("Authorization header requires 'Signature' parameter.");
        body.ShouldStartWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">");
    }

    [Fact]
    public async Task FailKnob_Answers500InternalFailure()
    {
        _endpoint.Faults.FailNextRequests(1);
        using AmazonSecurityTokenServiceClient sts = Client(_serviceA);

        AmazonSecurityTokenServiceException error = await Should.ThrowAsync<AmazonSecurityTokenServiceException>(
            () => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = OrdersRole, RoleSessionName = "xx", ExternalId = "tenant-7" }));

        error.ErrorCode.ShouldBe("InternalFailure");
        error.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task UnknownKey_IsInvalidClientTokenId()
    {
        using var sts = new AmazonSecurityTokenServiceClient(new BasicAWSCredentials("AKIAUNKNOWN000000000", "nope"), Config());

        AmazonSecurityTokenServiceException error = await Should.ThrowAsync<AmazonSecurityTokenServiceException>(
            () => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = OrdersRole, RoleSessionName = "xx" }));

        error.ErrorCode.ShouldBe("InvalidClientTokenId");
        error.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task WrongSecret_IsSignatureDoesNotMatch()
    {
        using var sts = new AmazonSecurityTokenServiceClient(new BasicAWSCredentials(_serviceA.Credentials.AccessKey, "wrong-secret"), Config());

        AmazonSecurityTokenServiceException error = await Should.ThrowAsync<AmazonSecurityTokenServiceException>(
            () => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = OrdersRole, RoleSessionName = "xx" }));

        error.ErrorCode.ShouldBe("SignatureDoesNotMatch");
    }

    private AmazonSecurityTokenServiceClient Client(LocalUser user) => new(user.ToAwsCredentials(), Config());

    private AmazonSecurityTokenServiceConfig Config() => new()
    {
        ServiceURL = _endpoint.BaseAddress.ToString(),
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 0,
    };
}
