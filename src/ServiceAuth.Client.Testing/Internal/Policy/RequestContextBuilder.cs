using System.Globalization;
using ServiceAuth.Client.Testing.Internal.Identity;

namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>The request context keys a policy condition can test, from the caller, its <see cref="LocalCallerContext"/>,
/// its account's organization, the test-only <c>x-local-aws-source-*</c> headers and the endpoint's clock.</summary>
internal static class RequestContextBuilder
{
    public const string SourceIpHeader = "x-local-aws-source-ip";
    public const string SourceVpcHeader = "x-local-aws-source-vpc";
    public const string SourceVpceHeader = "x-local-aws-source-vpce";

    public static Dictionary<string, IReadOnlyList<string>> Build(EndpointState state, KeyRecord caller, WireRequest? request, IEnumerable<KeyValuePair<string, string>>? extra)
    {
        LocalCallerContext settings = state.Policies.Callers.GetValueOrDefault(caller.CallerArn)
            ?? state.Policies.Callers.GetValueOrDefault(caller.PrincipalArn) ?? new LocalCallerContext();
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                keys[key] = [value];
            }
        }

        Add("aws:PrincipalArn", caller.PrincipalArn);
        Add("aws:PrincipalAccount", caller.AccountId);
        Add("aws:PrincipalOrgID", state.Policies.Organizations.GetValueOrDefault(caller.AccountId));
        Add("aws:PrincipalType", caller.IsTemporary ? "AssumedRole" : "User");
        Add("aws:userid", caller.UserId);
        Add("aws:username", caller.IsTemporary ? null : caller.PrincipalArn[(caller.PrincipalArn.LastIndexOf('/') + 1)..]);
        foreach (KeyValuePair<string, string> tag in settings.PrincipalTags)
        {
            Add("aws:PrincipalTag/" + tag.Key, tag.Value);
        }

        string? vpce = request?.Get(SourceVpceHeader) ?? settings.SourceVpce;
        Add("aws:SourceVpce", vpce);
        Add("aws:SourceVpc", request?.Get(SourceVpcHeader) ?? settings.SourceVpc);
        Add("aws:SourceIp", request?.Get(SourceIpHeader) ?? settings.SourceIp ?? (vpce is null ? "127.0.0.1" : null));
        Add("aws:SecureTransport", settings.SecureTransport ? "true" : "false");
        Add("aws:SourceArn", settings.SourceArn);
        Add("aws:SourceAccount", settings.SourceAccount);
        DateTimeOffset now = state.Now;
        Add("aws:CurrentTime", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Add("aws:EpochTime", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        foreach (KeyValuePair<string, string> pair in extra ?? [])
        {
            Add(pair.Key, pair.Value);
        }

        return keys;
    }
}
