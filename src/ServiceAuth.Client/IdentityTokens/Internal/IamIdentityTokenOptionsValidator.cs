using Microsoft.Extensions.Options;
using ServiceAuth.Client.Credentials.Internal;

namespace ServiceAuth.Client.IdentityTokens.Internal;

/// <summary>Validates every identity-token client's options at startup; each message names the client, the value and the fix.</summary>
internal sealed class IamIdentityTokenOptionsValidator(IdentityTokenClientRegistry registry) : IValidateOptions<IamIdentityTokenOptions>
{
    private static readonly TimeSpan MaxCacheDuration = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, IamIdentityTokenOptions options)
    {
        name ??= Options.DefaultName;
        if (!registry.Contains(name))
        {
            return ValidateOptionsResult.Skip;
        }

        string client = $"IAM identity token client '{name}'";
        var failures = new List<string>();
        if (!IdentityTokenText.IsValidAudience(options.Audience))
        {
            failures.Add($"{client}: Audience '{options.Audience}' must be 1 to 128 characters of letters, digits and .-_~:/ naming the callee, for example \"orders\".");
        }

        string? region = IdentityTokenSettings.ResolveRegion(options);
        if (region is null)
        {
            failures.Add($"{client}: StsRegion is not set and neither AWS_REGION nor AWS_DEFAULT_REGION is. Set StsRegion to the callee's region, for example \"eu-west-1\".");
        }
        else if (!StsPartitions.IsRegionName(region))
        {
            failures.Add($"{client}: StsRegion '{region}' is not an AWS region name such as \"eu-west-1\".");
        }

        if (options.CacheDuration < TimeSpan.Zero || options.CacheDuration > MaxCacheDuration)
        {
            failures.Add($"{client}: CacheDuration {options.CacheDuration} must be from 00:00:00 to 00:05:00, so the callee gets most of the token's 15 minutes.");
        }

        if (options.AssumeRole is { } role)
        {
            failures.AddRange(AssumeRoleValidation.Validate(client, role, options.Credentials, region));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
