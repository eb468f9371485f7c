using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Signing.Internal.Client;

/// <summary>
/// One <c>AddSignedHttpClient</c>/<c>AddSigV4Signing</c> call: what it configures (a delegate, a configuration section or
/// both) and who called it (the first frame outside the library's registration methods: method names only, no file
/// access; read only when a conflict is reported).
/// </summary>
internal sealed partial class SignedClientRegistration(IConfigurationSection? section, Action<SignedHttpClientOptions>? configure, StackTrace origin)
{
    public string Caller =>
        origin.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(frame => !OwnRegistrationFrame().IsMatch(frame)) is { } frame ? frame["at ".Length..] : "an unknown caller";

    /// <summary>What this registration alone sets: a fresh options instance with only its section and delegate applied.</summary>
    public SignedHttpClientOptions Apply()
    {
        var options = new SignedHttpClientOptions();
        if (section is not null)
        {
            section.Bind(options, static binder => binder.ErrorOnUnknownConfiguration = true);   // source-generated binder
        }

        configure?.Invoke(options);
        return options;
    }

    // The public registration methods live in the root namespace, in classes named *Extensions.
    [GeneratedRegex(@"^at ServiceAuth\.Client\.[A-Za-z0-9]+Extensions\.")]
    private static partial Regex OwnRegistrationFrame();
}
