using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>Validates <see cref="CognitoJwtBearerOptions"/> at startup; each message names the scheme, value and fix.</summary>
internal sealed partial class CognitoJwtBearerOptionsValidator : IValidateOptions<CognitoJwtBearerOptions>
{
    public ValidateOptionsResult Validate(string? name, CognitoJwtBearerOptions options)
    {
        var f = new List<string>();
        string p = $"Cognito authentication scheme '{name}'";
        if (options.Issuer is null)
        {
            if (string.IsNullOrWhiteSpace(options.UserPoolId))
            {
                f.Add($"{p}: UserPoolId is not set; set it to the user pool id, for example \"eu-west-1_AbCdEf123\" (Cognito console: User pool overview).");
            }
            else if (!PoolId().IsMatch(options.UserPoolId))
            {
                f.Add($"{p}: UserPoolId '{options.UserPoolId}' is not a user pool id such as \"eu-west-1_AbCdEf123\" (an app client id or a pool name is a common mix-up).");
            }
            else if (options.Region is { } region && region != CognitoIssuer.RegionOf(options.UserPoolId))
            {
                f.Add($"{p}: Region '{region}' differs from the region of UserPoolId '{options.UserPoolId}'; remove Region or fix it.");
            }
        }
        else if (!options.Issuer.IsAbsoluteUri)
        {
            f.Add($"{p}: Issuer '{options.Issuer}' must be absolute, for example https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123.");
        }

        if (options.AppClientIds.Count == 0 || options.AppClientIds.Any(string.IsNullOrWhiteSpace))
        {
            f.Add($"{p}: AppClientIds is empty; add the app client ids whose tokens this API accepts (without them any client of the pool would be accepted).");
        }

        if (!Enum.IsDefined(options.TokenUse))
        {
            f.Add($"{p}: TokenUse {(int)options.TokenUse} is not Access or Id.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            f.Add($"{p}: ClockSkew {options.ClockSkew} must be between 0 and 5 minutes.");
        }

        if (options.KeyRefreshInterval < TimeSpan.FromMinutes(5))
        {
            f.Add($"{p}: KeyRefreshInterval {options.KeyRefreshInterval} must be at least 5 minutes (unknown keys are fetched at once anyway).");
        }

        return f.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(f);
    }

    [GeneratedRegex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]_[0-9A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PoolId();
}
