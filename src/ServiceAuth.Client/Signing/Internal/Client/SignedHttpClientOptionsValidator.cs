using Microsoft.Extensions.Options;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Signing.Internal.Client;

/// <summary>Validates the options of every signed client at startup; each message names the client, the value and the fix.</summary>
internal sealed class SignedHttpClientOptionsValidator(SignedClientRegistry registry) : IValidateOptions<SignedHttpClientOptions>
{
    public ValidateOptionsResult Validate(string? name, SignedHttpClientOptions options)
    {
        name ??= Options.DefaultName;
        if (!registry.Contains(name))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (registry.Conflict(name) is { } conflict)
        {
            failures.Add(conflict);
        }

        string client = $"Signed HttpClient '{name}'";
        if (options.BaseAddress is { } address)
        {
            if (!address.IsAbsoluteUri)
            {
                failures.Add($"{client}: BaseAddress '{address}' must be an absolute URI such as https://abc123.execute-api.eu-west-1.amazonaws.com/prod/.");
            }
            else if (address.Scheme != Uri.UriSchemeHttps && !address.IsLoopback && !options.AllowInsecureHttp)
            {
                failures.Add($"{client}: BaseAddress '{address}' is plain {address.Scheme}://; use https://, or set AllowInsecureHttp = true for a trusted network.");
            }
        }

        SigningSettings settings = SigningSettings.From(options);
        bool regionSetOnly = options.Algorithm == SignatureAlgorithm.SigV4a && options.RegionSet is not null;
        if (settings.Region is null && regionSetOnly)
        {
            // SigV4a signs for the region set; its credential scope has no region.
        }
        else if (settings.Region is null)
        {
            failures.Add($"{client}: Region is not set and cannot be inferred from BaseAddress '{options.BaseAddress?.ToString() ?? "(none)"}'. Set Region, for example \"eu-west-1\"{(options.Algorithm == SignatureAlgorithm.SigV4a ? ", or the SigV4a RegionSet, for example \"*\"" : string.Empty)}.");
        }
        else if (!AwsRegion.IsValid(settings.Region))
        {
            failures.Add($"{client}: Region '{settings.Region}' is not an AWS region name such as \"eu-west-1\".");
        }

        if (settings.Service is null)
        {
            failures.Add($"{client}: Service is not set and cannot be inferred from BaseAddress '{options.BaseAddress?.ToString() ?? "(none)"}'. Set Service, for example \"execute-api\" (API Gateway) or \"lambda\" (function URLs).");
        }
        else if (settings.Service.Length == 0 || !settings.Service.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            failures.Add($"{client}: Service '{settings.Service}' must be a lowercase signing name such as \"execute-api\".");
        }
        else if (settings.Service.Length > SigningNames.MaxLength)
        {
            failures.Add($"{client}: Service '{settings.Service}' is {settings.Service.Length} characters; AWS signing names have at most {SigningNames.MaxLength}. Set the service's signing name, for example \"execute-api\".");
        }

        if (options.MaxBufferedPayloadBytes is < 1 or > int.MaxValue)
        {
            failures.Add($"{client}: MaxBufferedPayloadBytes {options.MaxBufferedPayloadBytes} must be between 1 and {int.MaxValue}.");
        }

        if (options.ApiKey is not null && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{client}: ApiKey is empty; remove it or set the API Gateway key.");
        }

        if (options.ApiKey is { } apiKey && apiKey.Any(char.IsControl))
        {
            failures.Add($"{client}: ApiKey contains a control character (CR, LF, …), which would split the x-api-key header; remove it.");
        }

        if (options.ApiGatewayApiId is { } apiId && (apiId.Length == 0 || !apiId.All(char.IsAsciiLetterOrDigit)))
        {
            failures.Add($"{client}: ApiGatewayApiId '{apiId.ReplaceLineEndings(" ")}' must be the API's id, letters and digits only (no CR/LF), such as \"abc123defg\".");
        }

        foreach (string host in options.AdditionalSignedHosts)
        {
            if (string.IsNullOrEmpty(host) || Uri.CheckHostName(host) == UriHostNameType.Unknown)
            {
                failures.Add($"{client}: AdditionalSignedHosts entry '{host}' is not a host name; list bare host names such as \"def456.execute-api.eu-west-1.amazonaws.com\" (no scheme, port or path).");
            }
        }

        failures.AddRange(SignatureAlgorithmValidation.Validate(client, options.Algorithm, options.RegionSet, settings.Region));
        if (!Enum.IsDefined(options.PayloadSigning))
        {
            failures.Add($"{client}: PayloadSigning {(int)options.PayloadSigning} is not a PayloadSigningMode.");
        }

        if (options.AssumeRole is { } role)
        {
            failures.AddRange(AssumeRoleValidation.Validate(client, role, options.Credentials, settings.Region));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
