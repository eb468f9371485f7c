using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceAuth.Client.IntegrationTests.Sso;

// issue 21, item 7: a developer who ran `aws sso login` and references AWSSDK.SSO and AWSSDK.SSOOIDC gets a signed client
// that signs with the SSO profile's role credentials. The portal is a stand-in reached through AWS_ENDPOINT_URL_SSO; the
// login is a cached token file, as the CLI writes it. The profile is read as the default chain's profile step reads
// AWS_PROFILE: AWSSDK.Core keeps the config file's location from its first use in a process, which in this test process
// is long before this test, so DefaultAWSCredentialsIdentityResolver itself would not see this test's config file (run
// in a fresh process, with the same environment, it resolves the same SSOAWSCredentials; see docs/credentials.md).
[Collection(nameof(ProcessEnvironmentCollection))]
public sealed class SsoProfileTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("serviceauth-sso-").FullName;

    [Fact]
    public async Task SsoProfileWithACachedLogin_SignsWithThePortalsRoleCredentials()
    {
        await using SsoPortalStandIn portal = await SsoPortalStandIn.StartAsync();
        WriteProfileAndCachedLogin();
        using var environment = new EnvironmentOverride(Laptop(portal.BaseAddress));
        var wire = new CapturingHandler();
        var services = new ServiceCollection();
        new CredentialProfileStoreChain(Path.Combine(_home, ".aws", "config")).TryGetAWSCredentials("dev", out AWSCredentials sso).ShouldBeTrue();
        sso.ShouldBeOfType<SSOAWSCredentials>();
        services.AddSignedHttpClient("orders", o =>
        {
            o.BaseAddress = new Uri("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/");
            o.Credentials = sso;
        }).ConfigurePrimaryHttpMessageHandler(() => wire);
        using ServiceProvider provider = services.BuildServiceProvider();

        using HttpResponseMessage response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders").GetAsync("orders/42");

        portal.Calls.ShouldHaveSingleItem().ShouldBe("111111111111/Developer with cached-sso-token");
        CapturedRequest signed = wire.Requests.ShouldHaveSingleItem();
        signed.AccessKeyId.ShouldBe(SsoPortalStandIn.AccessKeyId);
        signed.SecurityToken.ShouldBe(SsoPortalStandIn.SessionToken);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private void WriteProfileAndCachedLogin()
    {
        string aws = Directory.CreateDirectory(Path.Combine(_home, ".aws", "sso", "cache")).Parent!.Parent!.FullName;
        File.WriteAllText(Path.Combine(aws, "config"), """
            [profile dev]
            sso_session = my-sso
            sso_account_id = 111111111111
            sso_role_name = Developer
            region = eu-west-1

            [sso-session my-sso]
            sso_region = us-east-1
            sso_start_url = https://example.awsapps.com/start
            sso_registration_scopes = sso:account:access
            """);
        // `aws sso login` caches the token under the SHA-1 of the session name.
        string key = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("my-sso")));
        File.WriteAllText(Path.Combine(aws, "sso", "cache", key + ".json"), """
            {"accessToken":"cached-sso-token","expiresAt":"2099-01-01T00:00:00Z","region":"us-east-1","startUrl":"https://example.awsapps.com/start"}
            """);
    }

    private Dictionary<string, string?> Laptop(Uri portal) => new(StringComparer.Ordinal)
    {
        ["HOME"] = _home,
        ["AWS_CONFIG_FILE"] = Path.Combine(_home, ".aws", "config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_home, ".aws", "credentials"),
        ["AWS_PROFILE"] = "dev",
        ["AWS_ENDPOINT_URL_SSO"] = portal.ToString().TrimEnd('/'),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_ACCESS_KEY_ID"] = null,
        ["AWS_SECRET_ACCESS_KEY"] = null,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
        ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
        ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
    };
}
