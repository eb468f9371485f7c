using System.Globalization;
using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Signing.Internal.Client;

/// <summary>
/// Compares what each registration of one signed client sets. Identical repeats (a library and the app registering the
/// same client the same way) are accepted; otherwise the message names the client, each registration's caller and the
/// settings that differ. Secrets (ApiKey, ExternalId) and Credentials are compared but never shown.
/// </summary>
internal static class SignedClientConflict
{
    private static readonly (string Name, Func<SignedHttpClientOptions, object?> Value)[] Hidden =
    [
        ("ApiKey", o => o.ApiKey),
        ("AssumeRole.ExternalId", o => o.AssumeRole?.ExternalId),
        ("Credentials", o => o.Credentials),
    ];

    public static string? Describe(string name, IReadOnlyList<SignedClientRegistration> registrations)
    {
        SignedHttpClientOptions?[] applied = [.. registrations.Select(Apply)];
        Dictionary<string, string>[] shown = [.. applied.Select(Shown)];
        string[] differing = [.. shown[0].Keys.Where(key => shown.Any(s => !string.Equals(s[key], shown[0][key], StringComparison.Ordinal)))];
        string[] hiddenDiffering = [.. Hidden.Where(h => applied.Select(o => o is null ? null : h.Value(o)).Distinct().Count() > 1).Select(h => h.Name)];
        if (differing.Length == 0 && hiddenDiffering.Length == 0)
        {
            return null;
        }

        IEnumerable<string> lines = registrations.Select((r, i) =>
            $"  registration {i + 1}, by {r.Caller}: " + string.Join(", ", differing.Select(key => $"{key} = {shown[i][key]}")));
        string secrets = hiddenDiffering.Length == 0 ? string.Empty
            : $"{Environment.NewLine}  and they set different {string.Join(", ", hiddenDiffering)} (not shown).";
        return $"Signed HttpClient '{name}' is registered {registrations.Count} times with different options, which would merge " +
            $"(a later registration overwriting what it sets, an earlier one's settings leaking into it). Register it once, " +
            $"or give each registration its own client name:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{secrets}";
    }

    private static SignedHttpClientOptions? Apply(SignedClientRegistration registration)
    {
        try
        {
            return registration.Apply();
        }
        catch (InvalidOperationException)
        {
            return null;   // a section with unknown keys: the options' own binding reports it at startup
        }
    }

    private static Dictionary<string, string> Shown(SignedHttpClientOptions? o) => o is null
        ? new(StringComparer.Ordinal) { ["configuration"] = "(unreadable)" }
        : new(StringComparer.Ordinal)
        {
            ["BaseAddress"] = Quoted(o.BaseAddress),
            ["Region"] = Quoted(o.Region),
            ["Service"] = Quoted(o.Service),
            ["Algorithm"] = o.Algorithm.ToString(),
            ["RegionSet"] = Quoted(o.RegionSet),
            ["PayloadSigning"] = o.PayloadSigning.ToString(),
            ["ApiGatewayApiId"] = Quoted(o.ApiGatewayApiId),
            ["AllowInsecureHttp"] = o.AllowInsecureHttp ? "true" : "false",
            ["MaxBufferedPayloadBytes"] = o.MaxBufferedPayloadBytes.ToString(CultureInfo.InvariantCulture),
            ["AdditionalSignedHosts"] = $"[{string.Join(", ", o.AdditionalSignedHosts)}]",
            ["AssumeRole.RoleArn"] = Quoted(o.AssumeRole?.RoleArn),
            ["AssumeRole.RoleSessionName"] = Quoted(o.AssumeRole?.RoleSessionName),
            ["AssumeRole.DurationSeconds"] = o.AssumeRole?.DurationSeconds.ToString(CultureInfo.InvariantCulture) ?? "(none)",
            ["AssumeRole.StsRegion"] = Quoted(o.AssumeRole?.StsRegion),
            ["AssumeRole.StsEndpoint"] = Quoted(o.AssumeRole?.StsEndpoint),
        };

    private static string Quoted(object? value) => value is null ? "(none)" : $"'{value}'";
}
