using ServiceAuth.Client.ClientCredentials;
using ServiceAuth.Client.ClientCredentials.Internal;

namespace ServiceAuth.Client.Tests.ClientCredentials;

public sealed class TokenCacheKeyTests
{
    [Fact]
    public void GetEntry_SameEndpointClientScopesAndResource_SharesOneEntryWhateverTheScopeOrder()
    {
        var f = new TokenEntryFixture();
        ClientCredentialsTokenOptions other = Copy(f.Options, scopes: ["orders/write", "orders/read", "orders/read"]);
        f.Options.Scopes.Add("orders/write");

        f.Cache.GetEntry(other).ShouldBeSameAs(f.Entry());
        f.Cache.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("endpoint")]
    [InlineData("client")]
    [InlineData("scopes")]
    [InlineData("resource")]
    public void GetEntry_AnyKeyPartDiffers_MakesAnotherEntry(string part)
    {
        var f = new TokenEntryFixture();
        ClientCredentialsTokenOptions other = Copy(f.Options, scopes: part == "scopes" ? ["orders/write"] : ["orders/read"]);
        other.TokenEndpoint = part == "endpoint" ? new Uri("https://auth.example.com/oauth2/token") : other.TokenEndpoint;
        other.ClientId = part == "client" ? "client-b" : other.ClientId;
        other.Resource = part == "resource" ? "https://api.example.com/" : null;

        f.Cache.GetEntry(other).ShouldNotBeSameAs(f.Entry());
        f.Cache.Count.ShouldBe(2);
    }

    private static ClientCredentialsTokenOptions Copy(ClientCredentialsTokenOptions source, string[] scopes)
    {
        var copy = new ClientCredentialsTokenOptions { TokenEndpoint = source.TokenEndpoint, ClientId = source.ClientId, ClientSecret = source.ClientSecret };
        foreach (string scope in scopes)
        {
            copy.Scopes.Add(scope);
        }

        return copy;
    }
}
