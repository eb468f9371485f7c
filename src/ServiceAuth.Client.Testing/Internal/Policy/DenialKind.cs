namespace ServiceAuth.Client.Testing.Internal.Policy;

/// <summary>Why a request was denied; the services' messages end differently for each ("because no identity-based policy
/// allows …", "with an explicit deny in a resource-based policy").</summary>
internal enum DenialKind
{
    None,
    ExplicitDenyInIdentityPolicy,
    ExplicitDenyInSessionPolicy,
    ExplicitDenyInResourcePolicy,
    NoIdentityPolicyAllows,
    NoSessionPolicyAllows,
    NoResourcePolicyAllows,
}
