using Microsoft.Extensions.Options;
using ServiceAuth.Client.IdentityTokens.Internal;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>Validates every IAM identity token scheme's options at startup; each message names the scheme, the value
/// and the fix.</summary>
internal sealed class IamIdentityTokenAuthenticationOptionsValidator(IdentityTokenSchemeStates schemes)
    : IValidateOptions<IamIdentityTokenAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, IamIdentityTokenAuthenticationOptions options)
    {
        if (name is null || !schemes.IsRegistered(name))
        {
            return ValidateOptionsResult.Skip;
        }

        string s = $"IAM identity token scheme '{name}'";
        var f = new List<string>();
        if (!IdentityTokenText.IsValidAudience(options.Audience))
        {
            f.Add($"{s}: Audience '{options.Audience}' must be 1 to 128 characters of letters, digits and .-_~:/ naming this service, for example \"orders\"; callers mint tokens for it.");
        }

        if (options.AllowedAccounts.Count == 0)
        {
            f.Add($"{s}: AllowedAccounts is empty. Any AWS account can mint a valid token, so list the 12-digit accounts whose callers this service accepts, for example o.AllowedAccounts.Add(\"111111111111\").");
        }

        foreach (string account in options.AllowedAccounts.Where(a => a is not { Length: 12 } || !a.All(char.IsAsciiDigit)))
        {
            f.Add($"{s}: AllowedAccounts entry '{account}' is not a 12-digit AWS account id.");
        }

        if (options.Partitions.Count == 0 || options.Partitions.Any(p => !StsPartitions.Names.Contains(p)))
        {
            f.Add($"{s}: Partitions [{string.Join(", ", options.Partitions)}] must name one or more of {string.Join(", ", StsPartitions.Names)}.");
        }

        foreach (string region in options.Regions.Where(r => !StsPartitions.IsRegionName(r) || !options.Partitions.Contains(StsPartitions.PartitionOf(r))))
        {
            f.Add($"{s}: Regions entry '{region}' is not a region of the configured partitions [{string.Join(", ", options.Partitions)}].");
        }

        Range(f, s, nameof(options.MaxTokenLength), options.MaxTokenLength, 512, 65_536);
        Range(f, s, nameof(options.MaxStsResponseBytes), options.MaxStsResponseBytes, 1024, 1_048_576);
        Range(f, s, nameof(options.MaxConcurrentStsCalls), options.MaxConcurrentStsCalls, 1, 10_000);
        Range(f, s, nameof(options.MaxConcurrentStsCallsPerAccessKey), options.MaxConcurrentStsCallsPerAccessKey, 1, Math.Max(1, options.MaxConcurrentStsCalls));
        Span(f, s, nameof(options.StsSlotWait), options.StsSlotWait, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Range(f, s, nameof(options.MaxCachedTokens), options.MaxCachedTokens, 0, 10_000_000);
        Span(f, s, nameof(options.MaxClockSkew), options.MaxClockSkew, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        Span(f, s, nameof(options.StsTimeout), options.StsTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(60));
        Span(f, s, nameof(options.ChallengeLifetime), options.ChallengeLifetime, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(15));
        if (options.ChallengeKey is { Length: < 32 })
        {
            f.Add($"{s}: ChallengeKey has {options.ChallengeKey.Length} bytes; use at least 32 random bytes, or leave it unset for a per-process key.");
        }

        return f.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(f);
    }

    private static void Range(List<string> f, string s, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            f.Add($"{s}: {name} {value} must be from {min} to {max}.");
        }
    }

    private static void Span(List<string> f, string s, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            f.Add($"{s}: {name} {value} must be from {min} to {max}.");
        }
    }
}
