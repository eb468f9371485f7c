using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>The per-scheme state of every IAM identity token scheme, and the names of those schemes (filled at
/// registration, for the options validator).</summary>
internal sealed class IdentityTokenSchemeStates
{
    private readonly ConcurrentDictionary<string, IdentityTokenSchemeState> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _schemes = new(StringComparer.Ordinal);

    /// <summary>Finds or adds the container's instance while services are being registered.</summary>
    public static IdentityTokenSchemeStates GetOrAdd(IServiceCollection services)
    {
        foreach (ServiceDescriptor descriptor in services)
        {
            if (descriptor.ServiceType == typeof(IdentityTokenSchemeStates) && !descriptor.IsKeyedService && descriptor.ImplementationInstance is IdentityTokenSchemeStates existing)
            {
                return existing;
            }
        }

        var instance = new IdentityTokenSchemeStates();
        services.AddSingleton(instance);
        return instance;
    }

    public void Register(string scheme) => _schemes[scheme] = true;

    public bool IsRegistered(string scheme) => _schemes.ContainsKey(scheme);

    public IdentityTokenSchemeState Get(string scheme, IamIdentityTokenAuthenticationOptions options, TimeProvider time) =>
        _states.TryGetValue(scheme, out IdentityTokenSchemeState? state) ? state
        : _states.GetOrAdd(scheme, static (_, a) => new IdentityTokenSchemeState(a.options, a.time), (options, time));
}
