using ServiceAuth.Client.Testing.Internal.Protocol;

namespace ServiceAuth.Client.Testing.Internal.Api;

/// <summary>API Gateway's API key check, after authorization: a missing or unknown <c>x-api-key</c> is 403
/// <c>ForbiddenException</c> "Forbidden"; a key over its plan's rate or quota is 429.</summary>
internal static class UsagePlanGate
{
    public static WireResponse? Check(IEnumerable<LocalUsagePlan> plans, string? apiKey)
    {
        (LocalUsagePlan Plan, UsageMeter Meter)? found = apiKey is null ? null
            : plans.Select(p => (Plan: p, Meter: p.Find(apiKey))).Where(p => p.Meter is not null).Select(p => ((LocalUsagePlan, UsageMeter)?)(p.Plan, p.Meter!)).FirstOrDefault();
        if (found is not { } key)
        {
            return ApiGatewayJson.Error(403, "ForbiddenException", "Forbidden");
        }

        return key.Meter.Take(key.Plan) switch
        {
            null => null,
            "LimitExceededException" => ApiGatewayJson.Error(429, "LimitExceededException", "Limit Exceeded"),
            string code => ApiGatewayJson.Error(429, code, "Too Many Requests"),
        };
    }
}
