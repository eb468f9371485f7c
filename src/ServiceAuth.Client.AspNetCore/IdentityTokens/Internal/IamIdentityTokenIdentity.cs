using System.Security.Claims;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>
/// The identity the IAM identity token handler authenticates. Only this assembly creates it, so
/// <c>RequireAwsRole</c>/<c>RequireAwsAccount</c> read their claims from it alone: an <c>aws:role_arn</c> claim another
/// scheme put on the principal (a JWT with a user-controlled attribute, say) counts for nothing. Clones keep the type.
/// </summary>
internal sealed class IamIdentityTokenIdentity : ClaimsIdentity
{
    public IamIdentityTokenIdentity(string scheme)
        : base(scheme, IamIdentityClaimTypes.Arn, ClaimTypes.Role)
    {
    }

    private IamIdentityTokenIdentity(IamIdentityTokenIdentity other)
        : base(other)
    {
    }

    public override ClaimsIdentity Clone() => new IamIdentityTokenIdentity(this);

    /// <summary>Whether any IAM identity token identity of <paramref name="user"/> has a claim of
    /// <paramref name="type"/> that <paramref name="match"/> accepts.</summary>
    public static bool AnyClaim(ClaimsPrincipal user, string type, Func<string, bool> match)
    {
        foreach (ClaimsIdentity identity in user.Identities)
        {
            if (identity is IamIdentityTokenIdentity ours && ours.FindAll(type).Any(c => match(c.Value)))
            {
                return true;
            }
        }

        return false;
    }
}
