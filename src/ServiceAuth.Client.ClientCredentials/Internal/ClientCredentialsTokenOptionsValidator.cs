using Microsoft.Extensions.Options;

namespace ServiceAuth.Client.ClientCredentials.Internal;

/// <summary>Validates every client's <see cref="ClientCredentialsTokenOptions"/> at startup; each message names the
/// client, the value and the fix, and never the secret.</summary>
internal sealed class ClientCredentialsTokenOptionsValidator : IValidateOptions<ClientCredentialsTokenOptions>
{
    private const string CognitoExample = "https://<domain>.auth.<region>.amazoncognito.com/oauth2/token";

    public ValidateOptionsResult Validate(string? name, ClientCredentialsTokenOptions options)
    {
        var f = new List<string>();
        string p = $"Client credentials of HttpClient '{name ?? Options.DefaultName}'";
        if (options.TokenEndpoint is not { } endpoint)
        {
            f.Add($"{p}: TokenEndpoint is not set; set it to the token endpoint, for example {CognitoExample}.");
        }
        else if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            f.Add($"{p}: TokenEndpoint '{endpoint}' must be an absolute https:// URI, for example {CognitoExample}.");
        }
        else if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback && !options.AllowInsecureHttp)
        {
            f.Add($"{p}: TokenEndpoint '{endpoint}' uses http://, which would send the client secret in clear; use https:// (http:// is accepted for loopback, or with AllowInsecureHttp for tests).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            f.Add($"{p}: ClientId is not set; set it to the app client id (Cognito: User pool > App clients).");
        }

        bool hasSecret = !string.IsNullOrEmpty(options.ClientSecret);
        if (hasSecret == (options.ClientSecretProvider is not null))
        {
            f.Add(hasSecret
                ? $"{p}: both ClientSecret and ClientSecretProvider are set; keep one."
                : $"{p}: no client secret; set ClientSecret (configuration or a secret store) or ClientSecretProvider. The client-credentials grant needs a confidential client.");
        }

        if (!Enum.IsDefined(options.ClientAuthentication))
        {
            f.Add($"{p}: ClientAuthentication {(int)options.ClientAuthentication} is not ClientSecretBasic or ClientSecretPost.");
        }

        foreach (string scope in options.Scopes)
        {
            if (string.IsNullOrWhiteSpace(scope) || scope.Any(char.IsWhiteSpace))
            {
                f.Add($"{p}: scope '{scope}' is empty or contains whitespace; list each scope as its own entry of Scopes, for example 'orders/read'.");
            }
        }

        if (options.Resource is { } resource && !Uri.TryCreate(resource, UriKind.Absolute, out _))
        {
            f.Add($"{p}: Resource '{resource}' must be an absolute URI (RFC 8707), for example https://api.example.com/.");
        }

        return f.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(f);
    }
}
