using Microsoft.AspNetCore.Authorization;

namespace ServiceAuth.Client.AspNetCore.Cognito.Internal;

/// <summary>At least one of <see cref="Scopes"/> in the token's <c>scope</c> claim.</summary>
internal sealed class CognitoScopeRequirement : IAuthorizationRequirement
{
    public CognitoScopeRequirement(IReadOnlyList<string> scopes) => Scopes = scopes;

    public IReadOnlyList<string> Scopes { get; }

    public override string ToString() => $"CognitoScopeRequirement: the token's scope must contain one of '{string.Join(' ', Scopes)}'";
}
