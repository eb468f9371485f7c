using Microsoft.Extensions.Options;

namespace ServiceAuth.Client.AspNetCore.TokenPropagation.Internal;

/// <summary>Validates <see cref="BearerTokenPropagationOptions"/> at startup; messages name the client, value and fix.</summary>
internal sealed class BearerTokenPropagationOptionsValidator : IValidateOptions<BearerTokenPropagationOptions>
{
    public ValidateOptionsResult Validate(string? name, BearerTokenPropagationOptions options)
    {
        var f = new List<string>();
        string p = $"Bearer token propagation of HttpClient '{name}'";
        if (options.AllowedHosts.Count == 0)
        {
            f.Add($"{p}: AllowedHosts is empty; name the hosts the caller's token may be sent to, for example \"orders.internal.example.com\".");
        }

        foreach (string host in options.AllowedHosts)
        {
            if (string.IsNullOrWhiteSpace(host) || !HostAllowList.IsValidEntry(host))
            {
                f.Add($"{p}: AllowedHosts entry '{host}' is not a host name (no scheme, port or path; a wildcard only as a leading \"*.\").");
            }
        }

        return f.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(f);
    }
}
