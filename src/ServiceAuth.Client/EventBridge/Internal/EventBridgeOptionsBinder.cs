using System.Globalization;
using Microsoft.Extensions.Configuration;
using ServiceAuth.Client.Credentials;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>
/// Binds <see cref="EventBridgePublisherOptions{TEvent}"/> from configuration without reflection. The configuration
/// binder's source generator cannot bind a generic options type (SYSLIB1104), so the keys are read here; unknown keys
/// and values that do not parse are errors naming the key, like <c>ErrorOnUnknownConfiguration</c>.
/// </summary>
internal static class EventBridgeOptionsBinder
{
    public static void Bind<TEvent>(IConfigurationSection section, EventBridgePublisherOptions<TEvent> options)
    {
        foreach (IConfigurationSection child in section.GetChildren())
        {
            string? value = child.Value;
            switch (child.Key)
            {
                case nameof(options.EventBusName): options.EventBusName = value; break;
                case nameof(options.Region): options.Region = value; break;
                case nameof(options.Source): options.Source = value; break;
                case nameof(options.DetailType): options.DetailType = value; break;
                case nameof(options.ServiceUrl): options.ServiceUrl = Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out Uri? uri) ? uri : throw Invalid(child, "URI"); break;
                case nameof(options.AllowInsecureHttp): options.AllowInsecureHttp = bool.TryParse(value, out bool insecure) ? insecure : throw Invalid(child, "Boolean"); break;
                case nameof(options.AddTraceHeader): options.AddTraceHeader = bool.TryParse(value, out bool trace) ? trace : throw Invalid(child, "Boolean"); break;
                case nameof(options.MaxRequestBytes): options.MaxRequestBytes = ParseInt(child); break;
                case nameof(options.MaxBatchRetries): options.MaxBatchRetries = ParseInt(child); break;
                case nameof(options.MaxConcurrentBatchRequests): options.MaxConcurrentBatchRequests = ParseInt(child); break;
                case nameof(options.Resources):
                    options.Resources.Clear();
                    foreach (IConfigurationSection resource in child.GetChildren())
                    {
                        options.Resources.Add(resource.Value ?? string.Empty);
                    }

                    break;
                case nameof(options.AssumeRole):
                    options.AssumeRole ??= new AssumeRoleOptions();
                    child.Bind(options.AssumeRole, binder => binder.ErrorOnUnknownConfiguration = true);
                    break;
                default:
                    throw new InvalidOperationException($"EventBridge publisher of {typeof(TEvent).Name}: configuration key '{child.Path}' is not an option; the options are EventBusName, Region, ServiceUrl, AllowInsecureHttp, AssumeRole, Source, DetailType, Resources, AddTraceHeader, MaxRequestBytes, MaxBatchRetries and MaxConcurrentBatchRequests.");
            }
        }
    }

    private static int ParseInt(IConfigurationSection child) =>
        int.TryParse(child.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : throw Invalid(child, "Int32");

    private static InvalidOperationException Invalid(IConfigurationSection child, string type) =>
        new($"Configuration value '{child.Value}' at '{child.Path}' is not a valid {type}.");
}
