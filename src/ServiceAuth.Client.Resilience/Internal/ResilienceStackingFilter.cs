using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ServiceAuth.Client.Resilience.Internal;

/// <summary>
/// Warns, once per client, when a client with <c>AddAwsRetries</c> ends up with more than one resilience handler: the
/// .NET Aspire default <c>ConfigureHttpClientDefaults(b =&gt; b.AddStandardResilienceHandler())</c> plus
/// <c>AddAwsRetries</c> (or a second standard handler) retry in two layers, and their attempts multiply.
/// </summary>
internal sealed class ResilienceStackingFilter(IServiceProvider services) : IHttpMessageHandlerBuilderFilter
{
    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        string name = builder.Name ?? Options.DefaultName;
#pragma warning disable EXTEXP0001 // ResilienceHandler is experimental in 10.x; only its type is tested here, no member is used.
        int count = builder.AdditionalHandlers.Count(h => h is ResilienceHandler);
#pragma warning restore EXTEXP0001
        if (count < 2 || !IsOurs(name) || !_warned.TryAdd(name, true))
        {
            return;
        }

        ILogger logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("ServiceAuth.Client.Resilience");
        ResilienceLog.ResilienceHandlersStacked(logger, name, count);
    };

    private bool IsOurs(string name) => services.GetService<AwsRetryClientRegistry>()?.Contains(name) == true;
}
