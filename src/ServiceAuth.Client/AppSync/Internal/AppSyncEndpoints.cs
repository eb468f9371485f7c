using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.AppSync.Internal;

/// <summary>The hosts of an AppSync API: <c>&lt;id&gt;.appsync-api.&lt;region&gt;.amazonaws.com</c> for HTTP and
/// <c>&lt;id&gt;.appsync-realtime-api.&lt;region&gt;.amazonaws.com</c> for WebSockets; a custom domain serves both, the
/// real-time endpoint at <c>/graphql/realtime</c>.</summary>
internal static class AppSyncEndpoints
{
    public static (Uri Http, Uri Realtime, string Region) Resolve(Uri graphqlEndpoint, string? region, bool allowInsecureHttp)
    {
        ArgumentNullException.ThrowIfNull(graphqlEndpoint);
        if (!graphqlEndpoint.IsAbsoluteUri)
        {
            throw new ArgumentException($"AppSync endpoint '{graphqlEndpoint}' must be absolute, such as https://abc.appsync-api.eu-west-1.amazonaws.com/graphql.", nameof(graphqlEndpoint));
        }

        SigningSettings.RequireSecureTransport(graphqlEndpoint, allowInsecureHttp, "allowInsecureHttp");
        string host = graphqlEndpoint.Host;
        string httpHost = host.Replace(".appsync-realtime-api.", ".appsync-api.", StringComparison.OrdinalIgnoreCase);
        var http = new UriBuilder(graphqlEndpoint) { Scheme = graphqlEndpoint.Scheme is "wss" or "https" ? "https" : "http", Host = httpHost, Path = "/graphql", Query = string.Empty }.Uri;
        bool aws = httpHost.Contains(".appsync-api.", StringComparison.OrdinalIgnoreCase);
        var realtime = new UriBuilder(http)
        {
            Scheme = http.Scheme == "https" ? "wss" : "ws",
            Host = aws ? httpHost.Replace(".appsync-api.", ".appsync-realtime-api.", StringComparison.OrdinalIgnoreCase) : httpHost,
            Path = aws ? "/graphql" : "/graphql/realtime",
        }.Uri;
        if (region is null && !AwsEndpoint.TryInfer(http, out region, out _))
        {
            throw new ArgumentException($"The region of AppSync endpoint '{graphqlEndpoint}' cannot be inferred (a custom domain); pass the region.", nameof(region));
        }

        return (http, realtime, region);
    }
}
