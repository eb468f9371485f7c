using System.Text;
using ServiceAuth.Client.Testing.Internal.Auth;
using ServiceAuth.Client.Testing.Internal.Identity;
using ServiceAuth.Client.Testing.Internal.Policy;
using ServiceAuth.Client.Testing.Internal.Protocol;

namespace ServiceAuth.Client.Testing.Internal.Api;

/// <summary>Serves an authenticated request on an API route, enforcing its resource policy like API Gateway.</summary>
internal static class ApiHandler
{
    public static async Task<WireResponse> HandleAsync(EndpointState state, WireRequest request, KeyRecord caller, CancellationToken cancellationToken)
    {
        string[] path = [.. request.RawPath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Encoding.UTF8.GetString(SigV4Canonicalizer.PercentDecode(s)))];
        string method = request.Method.ToUpperInvariant();
        if (state.Routes.Match(method, path) is not { } match)
        {
            return ApiGatewayJson.Error(404, "NotFoundException", "Not Found");
        }

        string account = state.Options.AccountId;
        string resource = $"arn:aws:execute-api:{state.Options.Region}:{{0}}:local/test/{method}/{string.Join('/', path)}";
        PolicyDocument? policy = state.Policies.ResourcePolicy(PolicyStore.ApiKey, "the API's resource-based policy", match.Route.Allow, "execute-api:Invoke");
        AccessDecision decision = AccessCheck.Evaluate(state, caller, request, "execute-api:Invoke", resource.Replace("{0}", account, StringComparison.Ordinal), account, policy);
        if (!decision.IsAllowed)
        {
            // API Gateway masks all but the last four digits of the account, and names an explicit deny.
            string masked = account.Length > 4 ? new string('*', account.Length - 4) + account[^4..] : account;
            WireResponse denied = ApiGatewayJson.Error(
                403,
                "AccessDeniedException",
                $"User: {caller.CallerArn} is not authorized to perform: execute-api:Invoke on resource: {resource.Replace("{0}", masked, StringComparison.Ordinal)}{(decision.IsExplicitDeny ? " with an explicit deny" : string.Empty)}",
                "Message");
            denied.Denial = decision.Explanation;
            return denied;
        }

        if (match.Route.RequiresApiKey && UsagePlanGate.Check(state.Routes.UsagePlans, request.Get("x-api-key")) is { } refused)
        {
            return refused;
        }

        var invocation = new ApiInvocation
        {
            Method = method,
            Path = "/" + string.Join('/', path),
            RawQuery = request.RawQuery,
            RouteValues = match.Values,
            CallerArn = caller.CallerArn,
            PrincipalArn = caller.PrincipalArn,
            Body = Encoding.UTF8.GetString(request.Body),
        };
        if (match.Route.Respond is null)
        {
            byte[] body = ApiGatewayJson.Object(("caller", invocation.CallerArn), ("method", invocation.Method), ("path", invocation.Path));
            return new WireResponse(200, ApiGatewayJson.ContentType, body);
        }

        using HttpResponseMessage response = match.Route.Respond(invocation);
        return await ToWireAsync(response, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<WireResponse> ToWireAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body = response.Content is null ? [] : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string contentType = response.Content?.Headers.ContentType?.ToString() ?? ApiGatewayJson.ContentType;
        var wire = new WireResponse((int)response.StatusCode, contentType, body);
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers)
        {
            wire.Headers.Add(new(header.Key, string.Join(", ", header.Value)));
        }

        return wire;
    }
}
