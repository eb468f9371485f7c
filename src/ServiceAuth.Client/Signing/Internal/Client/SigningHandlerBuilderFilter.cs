using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.Diagnostics;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Signing.Internal.Client;

/// <summary>
/// Adds the signing handler to signed clients after every other configuration has run, so it is always the innermost
/// handler whatever the user adds after <c>AddSignedHttpClient</c>, and turns automatic redirects off on the primary
/// handler.
/// </summary>
internal sealed class SigningHandlerBuilderFilter(
    SignedClientRegistry registry,
    SignedClientCredentials credentials,
    IOptionsMonitor<SignedHttpClientOptions> options,
    IServiceProvider services) : IHttpMessageHandlerBuilderFilter
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        string name = builder.Name ?? Options.DefaultName;
        if (!registry.Contains(name))
        {
            return;
        }

        ILoggerFactory loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        DisableAutoRedirect(builder.PrimaryHandler, name, loggerFactory.CreateLogger<SigV4DelegatingHandler>());
        builder.AdditionalHandlers.Add(new SigV4DelegatingHandler(
            SigningSettings.From(options.Get(name), HttpClientBaseAddress.Probe(services, name), factoryClient: true),
            credentials.Get(name),
            SigV4Signer.Shared,
            services.GetService<TimeProvider>(),
            loggerFactory.CreateLogger<SigV4DelegatingHandler>(),
            services.GetRequiredService<ClockSkewRegistry>(),
            services.GetRequiredService<RetryMetrics>(),
            services.GetRequiredService<ClockSkewMetrics>()));
    };

    private void DisableAutoRedirect(HttpMessageHandler primary, string name, ILogger logger)
    {
        // Look through delegating wrappers (a logging or fault-injection handler around the real one).
        HttpMessageHandler handler = primary;
        while (handler is DelegatingHandler { InnerHandler: { } inner })
        {
            handler = inner;
        }

        try
        {
            switch (handler)
            {
                case SocketsHttpHandler sockets:
                    if (sockets.AllowAutoRedirect)
                    {
                        sockets.AllowAutoRedirect = false;
                        Log.AutoRedirectDisabled(logger, name);
                    }

                    break;
                case HttpClientHandler classic:
                    if (classic.AllowAutoRedirect)
                    {
                        classic.AllowAutoRedirect = false;
                        Log.AutoRedirectDisabled(logger, name);
                    }

                    break;
                default:
                    // Unknown to us: it may follow redirects with the old signature. Said once per client, not every
                    // time the factory rebuilds the pipeline.
                    if (_warned.TryAdd(name, true))
                    {
                        Log.AutoRedirectUnknownHandler(logger, handler.GetType().Name, name);
                    }

                    break;
            }
        }
        catch (InvalidOperationException)
        {
            // The user's primary handler is shared and has already sent a request.
            Log.AutoRedirectNotDisabled(logger, handler.GetType().Name, name);
        }
    }
}
