namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>Every local check of a decoded token's URL, in order; the first failure wins.</summary>
internal static class StsRequestValidator
{
    public static TokenFailure? Validate(DecodedToken token, AllowedStsHosts hosts, out ValidatedStsRequest? request)
    {
        request = null;
        TokenFailure? failure = StsUrlSyntax.Split(token.Url, hosts, out string host, out string region, out string query);
        if (failure is not null)
        {
            return failure;
        }

        failure = StsQuery.Parse(query, out SortedDictionary<string, string> parameters);
        if (failure is not null)
        {
            return failure;
        }

        failure = SigningParameterCheck.Check(parameters, region, token.Challenge is not null, out DateTimeOffset signedAt);
        if (failure is not null)
        {
            return failure;
        }

        request = new ValidatedStsRequest { Host = host, Region = region, Audience = token.Audience, Parameters = parameters, SignedAt = signedAt, Challenge = token.Challenge };
        return null;
    }
}
