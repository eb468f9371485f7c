using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Sns;
using ServiceAuth.Client.Testing;

namespace ServiceAuth.Client.IntegrationTests.Secrets;

/// <summary>
/// AWS Query services answer a bad signature with <c>SignatureDoesNotMatch</c> and quote the canonical request they
/// expected, session token included (the local endpoint does the same). That quote must never reach our exceptions.
/// </summary>
public sealed class QuotedCanonicalRequestTests : IAsyncLifetime
{
    private const string SourceRole = "arn:aws:iam::111111111111:role/source";
    private const string TargetRole = "arn:aws:iam::222222222222:role/target";
    private const string Topic = "arn:aws:sns:us-east-1:111111111111:orders";
    private LocalAwsEndpoint _aws = null!;
    private Amazon.SecurityToken.Model.Credentials _session = null!;

    public async Task InitializeAsync()
    {
        _aws = await LocalAwsEndpoint.StartAsync();
        LocalUser host = _aws.AddUser("host");
        _aws.AddRole(SourceRole, trust => trust.AllowPrincipal(host.Arn));
        _aws.AddRole(TargetRole, trust => trust.AllowPrincipal(SourceRole));
        _aws.AddTopic(Topic, SourceRole);
        using var sts = new AmazonSecurityTokenServiceClient(host.ToAwsCredentials(), new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = _aws.BaseAddress.ToString(),
            AuthenticationRegion = "us-east-1",
        });
        _session = (await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = SourceRole, RoleSessionName = "source-session" })).Credentials;
    }

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    [Fact]
    public async Task SnsException_SignatureDoesNotMatch_CarriesNoSessionToken()
    {
        using ServiceProvider provider = Services().AddSnsPublisher<string>(o =>
        {
            o.TopicArn = Topic;
            o.ServiceUrl = _aws.BaseAddress;
            o.Credentials = WrongSecret();
        }).Services.BuildServiceProvider();

        SnsException e = await Should.ThrowAsync<SnsException>(() => provider.GetRequiredService<ISnsPublisher<string>>().PublishAsync("hello"));

        e.Code.ShouldBe("SignatureDoesNotMatch");
        e.ToString().ShouldNotContain(_session.SessionToken);
        e.ToString().ShouldContain("omitted");
    }

    [Fact]
    public async Task CredentialsUnavailable_SourceSignatureRejected_CarriesNoSessionToken()
    {
        using ServiceProvider provider = Services().AddSignedHttpClient("target", o =>
        {
            o.BaseAddress = _aws.BaseAddress;
            o.Region = "us-east-1";
            o.Service = "execute-api";
            o.Credentials = WrongSecret();
            o.AssumeRole = new AssumeRoleOptions { RoleArn = TargetRole, StsEndpoint = _aws.BaseAddress };
        }).Services.BuildServiceProvider();

        CredentialsUnavailableException e = await Should.ThrowAsync<CredentialsUnavailableException>(() =>
            provider.GetRequiredService<IHttpClientFactory>().CreateClient("target").GetAsync("anything"));

        e.StsErrorCode.ShouldBe("SignatureDoesNotMatch");
        e.ToString().ShouldNotContain(_session.SessionToken);
        e.ToString().ShouldNotContain(_session.SecretAccessKey);
    }

    private static ServiceCollection Services() => new();

    private SessionAWSCredentials WrongSecret() => new(_session.AccessKeyId, "not-the-secret-" + Guid.NewGuid(), _session.SessionToken);
}
