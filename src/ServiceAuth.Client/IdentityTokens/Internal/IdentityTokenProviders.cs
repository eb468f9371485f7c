using System.Collections.Concurrent;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Credentials.Internal;

namespace ServiceAuth.Client.IdentityTokens.Internal;

/// <summary>One token provider per client name, created on first use and kept for the container's life, with the same
/// credential resolution, assume-role cache and clock as signed clients.</summary>
internal sealed class IdentityTokenProviders(IOptionsMonitor<IamIdentityTokenOptions> options, IServiceProvider services)
{
    private readonly ConcurrentDictionary<string, IamIdentityTokenProvider> _byClient = new(StringComparer.Ordinal);

    public IamIdentityTokenProvider Get(string clientName) => _byClient.GetOrAdd(clientName, Create);

    private IamIdentityTokenProvider Create(string clientName)
    {
        IamIdentityTokenOptions o = options.Get(clientName);
        var settings = IdentityTokenSettings.From(clientName, o);
        AWSCredentials credentials = services.GetRequiredService<CredentialsResolver>().Resolve(clientName, o.Credentials, o.AssumeRole, settings.StsRegion);

        ILogger logger = services.GetService<ILoggerFactory>()?.CreateLogger("ServiceAuth.Client.IdentityTokens") ?? NullLogger.Instance;
        return new IamIdentityTokenProvider(settings, credentials, services.GetService<TimeProvider>() ?? TimeProvider.System, logger);
    }
}
