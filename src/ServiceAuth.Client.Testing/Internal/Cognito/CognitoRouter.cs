using System.Text;
using ServiceAuth.Client.Testing.Internal.Api;
using ServiceAuth.Client.Testing.Internal.Auth;
using ServiceAuth.Client.Testing.Internal.Protocol;

namespace ServiceAuth.Client.Testing.Internal.Cognito;

/// <summary>Routes the requests that SigV4 does not authenticate: the Cognito token endpoint, each pool's discovery
/// and JWKS documents, and API routes behind a JWT authorizer. Returns <see langword="null"/> for everything else.</summary>
internal static class CognitoRouter
{
    public static async Task<WireResponse?> TryHandleAsync(EndpointState state, WireRequest request, CancellationToken cancellationToken)
    {
        if (state.UserPools.IsEmpty)
        {
            return null;
        }

        if (request.RawPath == "/oauth2/token")
        {
            return CognitoTokenEndpoint.Handle(state, request);
        }

        string[] path = [.. request.RawPath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Encoding.UTF8.GetString(SigV4Canonicalizer.PercentDecode(s)))];
        if (path.Length == 3 && path[1] == ".well-known" && request.Method == "GET" && state.UserPools.TryGetValue(path[0], out LocalUserPool? pool))
        {
            return path[2] switch
            {
                "jwks.json" => CognitoMetadata.Jwks(pool),
                "openid-configuration" => CognitoMetadata.Discovery(pool),
                _ => null,
            };
        }

        if (state.JwtRoutes.Match(request.Method.ToUpperInvariant(), path) is not { } match)
        {
            return null;
        }

        WireResponse answer = await InvokeAsync(match.Route, match.Values, request, path, cancellationToken).ConfigureAwait(false);
        answer.RequestIdStyle = RequestIdStyle.HttpApi;
        return answer;
    }

    private static async Task<WireResponse> InvokeAsync(JwtApiRoute route, Dictionary<string, string> values, WireRequest request, string[] path, CancellationToken cancellationToken)
    {
        (IReadOnlyDictionary<string, string>? claims, WireResponse? denied) = JwtAuthorizer.Authorize(route, request);
        if (denied is not null)
        {
            return denied;
        }

        var invocation = new ApiInvocation
        {
            Method = request.Method.ToUpperInvariant(),
            Path = "/" + string.Join('/', path),
            RawQuery = request.RawQuery,
            RouteValues = values,
            CallerArn = string.Empty,
            PrincipalArn = string.Empty,
            Body = Encoding.UTF8.GetString(request.Body),
            JwtClaims = claims!,
        };
        if (route.Route.Respond is null)
        {
            return new WireResponse(200, ApiGatewayJson.ContentType, ApiGatewayJson.Object(
                ("caller", claims!.GetValueOrDefault("sub", string.Empty)), ("method", invocation.Method), ("path", invocation.Path)));
        }

        using HttpResponseMessage response = route.Route.Respond(invocation);
        return await ApiHandler.ToWireAsync(response, cancellationToken).ConfigureAwait(false);
    }
}
