using System.Collections.Concurrent;
using ServiceAuth.Client.Testing.Internal.Api;
using ServiceAuth.Client.Testing.Internal.Cognito;
using ServiceAuth.Client.Testing.Internal.Identity;
using ServiceAuth.Client.Testing.Internal.Sts;

namespace ServiceAuth.Client.Testing.Internal;

/// <summary>Everything the endpoint knows: keys, roles, topics, routes, fault knobs and the request log.</summary>
internal sealed class EndpointState
{
    private readonly ConcurrentQueue<RecordedRequest> _log = new();
    private int _assumeRoleCalls;

    public EndpointState(LocalAwsEndpointOptions options)
    {
        Options = options;
        Faults = new LocalAwsFaults(Keys.ExpireAllTemporary);
        Subscriptions = new(() => Now);
    }

    /// <summary>Gets or sets the endpoint's base address (signing certificate, subscribe and queue URLs are below it).</summary>
    public Uri BaseAddress { get; set; } = new("http://local-aws.test/");

    public Sqs.QueueStore Queues { get; } = new();

    public Sns.Subscriptions.SubscriptionStore Subscriptions { get; }

    public LocalAwsEndpointOptions Options { get; }

    public IdentityStore Keys { get; } = new();

    public ConcurrentDictionary<string, RoleDefinition> Roles { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, LocalTopic> Topics { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, LocalEventBus> EventBuses { get; } = new(StringComparer.Ordinal);

    public ApiRouteTable Routes { get; } = new();

    public ConcurrentDictionary<string, LocalUserPool> UserPools { get; } = new(StringComparer.Ordinal);

    public JwtRouteTable JwtRoutes { get; } = new();

    public AppSync.AppSyncApi? AppSync { get; set; }

    /// <summary>Gets the identity-based, session, managed and resource-based policies and the caller contexts.</summary>
    public Policy.PolicyStore Policies { get; } = new();

    public LocalAwsFaults Faults { get; }

    public IReadOnlyList<RecordedRequest> Log => [.. _log];

    public int AssumeRoleCalls => Volatile.Read(ref _assumeRoleCalls);

    /// <summary>Gets the endpoint's clock: the TimeProvider plus the fault skew.</summary>
    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow() + Faults.ClockSkew;

    public void CountAssumeRole() => Interlocked.Increment(ref _assumeRoleCalls);

    public void Record(RecordedRequest entry) => _log.Enqueue(entry);

    /// <summary>Finds an app client in any pool (client ids are unique, so the token endpoint needs no pool).</summary>
    public LocalAppClient? FindAppClient(string clientId) =>
        UserPools.Values.Select(p => p.FindClient(clientId)).FirstOrDefault(c => c is not null);
}
