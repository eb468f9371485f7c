
using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Signing.Internal.Client;

/// <summary>Startup checks of <see cref="SignedHttpClientOptions.Algorithm"/> and <see cref="SignedHttpClientOptions.RegionSet"/>.</summary>
internal static class SignatureAlgorithmValidation
{
    public static IEnumerable<string> Validate(string client, SignatureAlgorithm algorithm, string? regionSet, string? region)
    {
        if (algorithm == SignatureAlgorithm.SigV4)
        {
            if (regionSet is not null)
            {
                yield return $"{client}: RegionSet '{regionSet}' is only used by SigV4a; set Algorithm = SignatureAlgorithm.SigV4a, or remove RegionSet.";
            }

            yield break;
        }

        if (algorithm != SignatureAlgorithm.SigV4a)
        {
            yield return $"{client}: Algorithm {(int)algorithm} is not a SignatureAlgorithm; use SigV4 or SigV4a.";
            yield break;
        }

        if (regionSet is not null && !RegionSetSyntax.IsValid(regionSet))
        {
            yield return $"{client}: RegionSet '{regionSet}' must be region names or patterns separated by commas, without spaces, such as \"us-east-1,eu-west-1\", \"us-*\" or \"*\".";
        }
        else if (regionSet is null && region is not null && !RegionSetSyntax.IsValid(region))
        {
            yield return $"{client}: Region '{region}' cannot be used as the SigV4a region set; set RegionSet, for example \"*\".";
        }
    }
}
