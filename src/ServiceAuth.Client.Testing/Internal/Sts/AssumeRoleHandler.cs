using System.Globalization;
using System.Text.RegularExpressions;
using ServiceAuth.Client.Testing.Internal.Identity;
using ServiceAuth.Client.Testing.Internal.Policy;
using ServiceAuth.Client.Testing.Internal.Protocol;

namespace ServiceAuth.Client.Testing.Internal.Sts;

/// <summary>STS <c>AssumeRole</c>: validates the input, enforces the trust policy, and issues temporary credentials.</summary>
internal static partial class AssumeRoleHandler
{
    private const string Ns = AwsQueryXml.StsNamespace;

    public static WireResponse Handle(EndpointState state, Dictionary<string, string> form, KeyRecord caller, string requestId)
    {
        string? roleArn = form.GetValueOrDefault("RoleArn");
        string? sessionName = form.GetValueOrDefault("RoleSessionName");
        if (roleArn is null)
        {
            return Validation("1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null", requestId);
        }

        if (sessionName is null || !SessionNamePattern().IsMatch(sessionName))
        {
            return Validation($"1 validation error detected: Value '{sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]{{2,64}}", requestId);
        }

        int duration = 3600;
        if (form.TryGetValue("DurationSeconds", out string? durationText)
            && (!int.TryParse(durationText, NumberStyles.None, CultureInfo.InvariantCulture, out duration) || duration < 900 || duration > 43200))
        {
            return Validation($"1 validation error detected: Value '{durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200", requestId);
        }

        AccessDecision? decision = state.Roles.TryGetValue(roleArn, out RoleDefinition? role) ? TrustDecision(state, form, caller, role) : null;
        if (role is null || decision is not { IsAllowed: true })
        {
            WireResponse denied = AwsQueryXml.Error(403, Ns, "AccessDenied", $"User: {caller.CallerArn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}", requestId);
            denied.Denial = decision?.Explanation ?? $"{caller.CallerArn} -> sts:AssumeRole on {roleArn}: DENIED. The endpoint has no such role (add it with AddRole).";
            return denied;
        }

        (IReadOnlyList<PolicyDocument>? sessionPolicies, string? malformed) = SessionPolicyReader.Read(state, form);
        if (malformed is not null)
        {
            return AwsQueryXml.Error(400, Ns, "MalformedPolicyDocument", malformed, requestId);
        }

        if (duration > role.Trust.MaxSessionDuration.TotalSeconds)
        {
            return Validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", requestId);
        }

        if (caller.IsTemporary && duration > 3600)
        {
            return Validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.", requestId);
        }

        return Issue(state, form, role, sessionName, TimeSpan.FromSeconds(duration), sessionPolicies, requestId);
    }

    /// <summary>The trust policy is the role's resource-based policy: its principals (with the ExternalId condition) and
    /// what <c>SetResourcePolicy</c> added; across accounts the caller's own policy must allow <c>sts:AssumeRole</c> too.</summary>
    private static AccessDecision TrustDecision(EndpointState state, Dictionary<string, string> form, KeyRecord caller, RoleDefinition role)
    {
        PolicyCondition[] externalId = role.Trust.ExternalId is { } id ? [new PolicyCondition("StringEquals", "sts:ExternalId", [id])] : [];
        PolicyDocument? trust = state.Policies.ResourcePolicy(role.Arn, $"the trust policy of {role.Arn}", role.Trust.Principals, "sts:AssumeRole", externalId);
        KeyValuePair<string, string>[] context = form.TryGetValue("ExternalId", out string? given) ? [new("sts:ExternalId", given)] : [];
        return AccessCheck.Evaluate(state, caller, null, "sts:AssumeRole", role.Arn, role.AccountId, trust, context);
    }

    private static WireResponse Issue(EndpointState state, Dictionary<string, string> form, RoleDefinition role, string sessionName, TimeSpan requested, IReadOnlyList<PolicyDocument>? sessionPolicies, string requestId)
    {
        DateTimeOffset expiration = state.Now + (state.Options.IssuedCredentialLifetime ?? requested);
        string sessionArn = $"arn:aws:sts::{role.AccountId}:assumed-role/{role.Name}/{sessionName}";
        var record = new KeyRecord
        {
            AccessKeyId = KeyGenerator.TemporaryKeyId(),
            SecretAccessKey = KeyGenerator.Secret(),
            SessionToken = KeyGenerator.SessionToken(),
            Expiration = expiration,
            PrincipalArn = role.Arn,
            CallerArn = sessionArn,
            AccountId = role.AccountId,
            UserId = $"{role.RoleId}:{sessionName}",
            SessionPolicies = sessionPolicies,
        };
        state.Keys.Add(record);

        string sourceIdentity = form.TryGetValue("SourceIdentity", out string? source)
            ? $"    <SourceIdentity>{AwsQueryXml.Escape(source)}</SourceIdentity>\n"
            : string.Empty;
        string result =
            sourceIdentity +
            "    <AssumedRoleUser>\n" +
            $"      <Arn>{AwsQueryXml.Escape(sessionArn)}</Arn>\n" +
            $"      <AssumedRoleId>{role.RoleId}:{AwsQueryXml.Escape(sessionName)}</AssumedRoleId>\n" +
            "    </AssumedRoleUser>\n" +
            "    <Credentials>\n" +
            $"      <AccessKeyId>{record.AccessKeyId}</AccessKeyId>\n" +
            $"      <SecretAccessKey>{AwsQueryXml.Escape(record.SecretAccessKey)}</SecretAccessKey>\n" +
            $"      <SessionToken>{AwsQueryXml.Escape(record.SessionToken!)}</SessionToken>\n" +
            $"      <Expiration>{expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</Expiration>\n" +
            "    </Credentials>\n";
        return AwsQueryXml.Success("AssumeRole", Ns, result, requestId);
    }

    private static WireResponse Validation(string message, string requestId) => AwsQueryXml.Error(400, Ns, "ValidationError", message, requestId);

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionNamePattern();
}
