using ServiceAuth.Client.ClientCredentials.Internal;

namespace ServiceAuth.Client.Caching.Internal;

/// <summary>A token read from the shared cache and the generation it was written with (the writer's clock in UTC ticks,
/// strictly increasing per entry in each process).</summary>
internal readonly record struct SharedToken(long Generation, AccessToken Token);
