namespace ServiceAuth.Client.Testing.Internal.Sns.Subscriptions;

/// <summary>A topic policy statement allowing <c>sns:Subscribe</c> for a principal, with <c>sns:Protocol</c> and
/// <c>sns:Endpoint</c> conditions (the endpoint may end in <c>*</c>, as <c>StringLike</c> allows).</summary>
internal sealed record SubscribeGrant(string Principal, string Protocol, string Endpoint);
