using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using ServiceAuth.Client.AppSync;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Tests.AppSync;

public sealed class AppSyncEndpointTests
{
    [Theory]
    [InlineData("https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql")]
    [InlineData("wss://abcdefghijklmnopqrstuvwxyz.appsync-realtime-api.eu-west-1.amazonaws.com/graphql")]
    public void AppSyncHosts_InferRegionAndServiceAppSync(string url)
    {
        AwsEndpoint.TryInfer(new Uri(url), out string region, out string service).ShouldBeTrue();
        (region, service).ShouldBe(("eu-west-1", "appsync"));
    }

    [Fact]
    public void CreateConnectUri_PutsTheSignedConnectHeadersAndEmptyPayloadInTheQuery()
    {
        var credentials = new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token");
        var time = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

        Uri uri = AppSyncRealtime.CreateConnectUri(new Uri("https://abc.appsync-api.eu-west-1.amazonaws.com/graphql"), credentials, time);

        uri.GetLeftPart(UriPartial.Path).ShouldBe("wss://abc.appsync-realtime-api.eu-west-1.amazonaws.com/graphql");
        string[] query = uri.Query.TrimStart('?').Split('&');
        query[1].ShouldBe("payload=e30%3D");
        using JsonDocument header = JsonDocument.Parse(Convert.FromBase64String(Uri.UnescapeDataString(query[0]["header=".Length..])));
        JsonElement h = header.RootElement;
        h.GetProperty("host").GetString().ShouldBe("abc.appsync-api.eu-west-1.amazonaws.com");
        h.GetProperty("accept").GetString().ShouldBe("application/json, text/javascript");
        h.GetProperty("content-encoding").GetString().ShouldBe("amz-1.0");
        h.GetProperty("content-type").GetString().ShouldBe("application/json; charset=UTF-8");
        h.GetProperty("x-amz-date").GetString().ShouldBe("20261122T120000Z");
        h.GetProperty("X-Amz-Security-Token").GetString().ShouldBe("session-token");
        string authorization = h.GetProperty("Authorization").GetString()!;
        authorization.ShouldStartWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/eu-west-1/appsync/aws4_request, SignedHeaders=accept;content-encoding;content-type;host;x-amz-date;x-amz-security-token, Signature=");
        Encoding.UTF8.GetString(Convert.FromBase64String("e30=")).ShouldBe("{}");
    }

    [Fact]
    public void CustomDomain_NeedsTheRegion_AndUsesTheRealtimePath()
    {
        var credentials = new ImmutableCredentials("AKIDEXAMPLE", "secret", null);
        Should.Throw<ArgumentException>(() => AppSyncRealtime.CreateConnectUri(new Uri("https://api.example.com/graphql"), credentials, DateTimeOffset.UnixEpoch))
            .Message.ShouldContain("pass the region");

        Uri uri = AppSyncRealtime.CreateConnectUri(new Uri("https://api.example.com/graphql"), credentials, DateTimeOffset.UnixEpoch, "eu-west-1");
        uri.GetLeftPart(UriPartial.Path).ShouldBe("wss://api.example.com/graphql/realtime");
    }
}
