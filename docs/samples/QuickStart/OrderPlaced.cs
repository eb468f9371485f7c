namespace ServiceAuth.Client.QuickStart;

/// <summary>The event service A publishes to service C's topic.</summary>
public sealed record OrderPlaced(string OrderId, decimal Total);
