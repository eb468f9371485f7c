namespace ServiceAuth.Client.Testing.Internal.AppSync;

/// <summary>The endpoint's AppSync API: who may call <c>appsync:GraphQL</c>, and the resolver.</summary>
internal sealed record AppSyncApi(IReadOnlyList<string> AllowedPrincipals, Func<AppSyncOperation, string> Resolve);
