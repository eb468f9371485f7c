using Microsoft.Extensions.DependencyInjection;

namespace ServiceAuth.Client.DependencyInjection.Internal;

/// <summary>Finds or adds a singleton instance while services are still being registered (registries filled at
/// registration time, before any provider exists).</summary>
internal static class SingletonInstance
{
    public static T GetOrAdd<T>(IServiceCollection services)
        where T : class, new()
    {
        foreach (ServiceDescriptor descriptor in services)
        {
            if (descriptor.ServiceType == typeof(T) && !descriptor.IsKeyedService && descriptor.ImplementationInstance is T existing)
            {
                return existing;
            }
        }

        var instance = new T();
        services.AddSingleton(instance);
        return instance;
    }
}
