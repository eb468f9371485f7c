using System.Text.RegularExpressions;
using Amazon.Runtime;
using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>
/// Every STS constraint on <see cref="AssumeRoleOptions"/>, checked at startup so that nothing invalid is sent to STS.
/// Each message names the subject, the property, the value (never an external id or policy text) and the fix.
/// </summary>
internal static partial class AssumeRoleValidation
{
    public const int MaxChainedDurationSeconds = 3600;

    public static List<string> Validate(string subject, AssumeRoleOptions role, AWSCredentials? source, string? clientRegion)
    {
        var f = new List<string>();
        string p = $"{subject}: AssumeRole";
        if (string.IsNullOrWhiteSpace(role.RoleArn))
        {
            f.Add($"{p}.RoleArn is required, for example \"arn:aws:iam::222233334444:role/orders-caller\".");
        }
        else if (role.RoleArn.Length is < 20 or > 2048 || !RoleArnPattern().IsMatch(role.RoleArn))
        {
            f.Add($"{p}.RoleArn '{role.RoleArn}' is not an IAM role ARN such as \"arn:aws:iam::222233334444:role/orders-caller\".");
        }

        if (role.RoleSessionName is { } session && !SessionNamePattern().IsMatch(session))
        {
            f.Add($"{p}.RoleSessionName '{session}' must be 2 to 64 characters of letters, digits and +=,.@_- (or leave it unset to derive it from the application name).");
        }

        if (role.ExternalId is { } externalId && !ExternalIdPattern().IsMatch(externalId))
        {
            f.Add($"{p}.ExternalId (length {externalId.Length}) must be 2 to 1,224 characters of letters, digits and +=,.@:/_-.");
        }

        ValidateDuration(f, p, role.DurationSeconds, source);
        ValidatePolicies(f, p, role);
        ValidateTags(f, p, role);
        if (role.SourceIdentity is { } identity && (!SessionNamePattern().IsMatch(identity) || identity.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)))
        {
            f.Add($"{p}.SourceIdentity '{identity}' must be 2 to 64 characters of letters, digits and +=,.@_- and must not start with \"aws:\".");
        }

        ValidateSts(f, p, role, clientRegion);
        return f;
    }

    /// <summary>Whether credentials are themselves an assumed role, so assuming another role is role chaining.</summary>
    public static bool IsAssumedRole(AWSCredentials? source) => source is AssumedRoleCredentials or AssumeRoleAWSCredentials;

    private static void ValidateDuration(List<string> f, string p, int duration, AWSCredentials? source)
    {
        if (duration is < 900 or > 43200)
        {
            f.Add($"{p}.DurationSeconds {duration} must be between 900 and 43200 (and within the role's maximum session duration).");
        }
        else if (duration > MaxChainedDurationSeconds && IsAssumedRole(source))
        {
            f.Add($"{p}.DurationSeconds {duration} is over 3600, but the source credentials are an assumed role (role chaining), which STS limits to one hour. Set DurationSeconds to 3600 or less.");
        }
    }

    private static void ValidatePolicies(List<string> f, string p, AssumeRoleOptions role)
    {
        if (role.Policy is { } policy)
        {
            if (policy.Length is 0 or > 2048)
            {
                f.Add($"{p}.Policy is {policy.Length} characters; an inline session policy is 1 to 2,048 characters.");
            }
            else if (policy.Any(c => c is not ('\t' or '\n' or '\r') and (< '\u0020' or > '\u00FF')))
            {
                f.Add($"{p}.Policy contains characters outside tab, line breaks and U+0020–U+00FF; STS rejects them.");
            }
        }

        if (role.PolicyArns.Count > 10)
        {
            f.Add($"{p}.PolicyArns has {role.PolicyArns.Count} entries; STS accepts at most 10 managed session policies.");
        }

        foreach (string arn in role.PolicyArns)
        {
            if (arn is null || arn.Length is < 20 or > 2048 || !PolicyArnPattern().IsMatch(arn))
            {
                f.Add($"{p}.PolicyArns entry '{arn}' is not an IAM policy ARN such as \"arn:aws:iam::aws:policy/ReadOnlyAccess\".");
            }
        }
    }

    private static void ValidateTags(List<string> f, string p, AssumeRoleOptions role)
    {
        if (role.Tags.Count > 50)
        {
            f.Add($"{p}.Tags has {role.Tags.Count} tags; STS accepts at most 50 session tags.");
        }

        foreach (KeyValuePair<string, string> tag in role.Tags)
        {
            if (tag.Key.Length is < 1 or > 128 || !TagPattern().IsMatch(tag.Key))
            {
                f.Add($"{p}.Tags key '{tag.Key}' must be 1 to 128 characters of letters, digits, spaces and _.:/=+-@.");
            }

            if (tag.Value is null || tag.Value.Length > 256 || !TagPattern().IsMatch(tag.Value))
            {
                f.Add($"{p}.Tags value of '{tag.Key}' must be at most 256 characters of letters, digits, spaces and _.:/=+-@.");
            }
        }

        if (role.TransitiveTagKeys.Count > 50)
        {
            f.Add($"{p}.TransitiveTagKeys has {role.TransitiveTagKeys.Count} keys; at most 50.");
        }

        foreach (string key in role.TransitiveTagKeys)
        {
            if (key is null || !role.Tags.ContainsKey(key))
            {
                f.Add($"{p}.TransitiveTagKeys entry '{key}' is not one of the session Tags; add the tag or remove the key.");
            }
        }
    }

    private static void ValidateSts(List<string> f, string p, AssumeRoleOptions role, string? clientRegion)
    {
        if (role.StsRegion is { } region && !AwsRegion.IsValid(region))
        {
            f.Add($"{p}.StsRegion '{region}' is not an AWS region name such as \"eu-west-1\".");
        }
        else if (role.StsRegion is null && clientRegion is null)
        {
            f.Add($"{p}.StsRegion is not set and there is no client region to default to; set StsRegion, for example \"eu-west-1\".");
        }

        if (role.StsEndpoint is { } endpoint)
        {
            if (!endpoint.IsAbsoluteUri)
            {
                f.Add($"{p}.StsEndpoint '{endpoint}' must be an absolute URL such as https://sts.eu-west-1.amazonaws.com or a VPC endpoint's https URL.");
            }
            else if (endpoint.Scheme != Uri.UriSchemeHttps && !(endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback))
            {
                f.Add($"{p}.StsEndpoint '{endpoint}' must use https:// (plain http:// only to loopback, for tests).");
            }
        }
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9_+=,.@/-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/[A-Za-z0-9_+=,.@/-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyArnPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@-]{2,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SessionNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@:/-]{2,1224}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalIdPattern();

    // Tags may hold Unicode letters (IAM allows them); every other pattern is ASCII only. \z, not $: $ also matches
    // before a trailing newline.
    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
