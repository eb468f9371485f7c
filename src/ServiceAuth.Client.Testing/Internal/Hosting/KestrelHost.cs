using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ServiceAuth.Client.Testing.Internal.Hosting;

/// <summary>Kestrel on 127.0.0.1 with an ephemeral port, adapting each <see cref="HttpContext"/> to the shared pipeline.</summary>
internal static class KestrelHost
{
    public static async Task<(IHost Host, Uri BaseAddress)> StartAsync(EndpointPipeline pipeline, CancellationToken cancellationToken)
    {
        IHost host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel =>
                {
                    kestrel.AddServerHeader = false;
                    kestrel.Listen(IPAddress.Loopback, 0);
                })
                .Configure(app => app.Run(context => HandleAsync(pipeline, context))))
            .Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (host, new Uri(address.TrimEnd('/') + "/"));
    }

    private static async Task HandleAsync(EndpointPipeline pipeline, HttpContext context)
    {
        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in context.Request.Headers)
        {
            foreach (string? value in header.Value)
            {
                headers.Add(new(header.Key, value ?? string.Empty));
            }
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        WireResponse answer = await pipeline.HandleAsync(new WireRequest(context.Request.Method, rawTarget, headers, body.ToArray()), context.RequestAborted).ConfigureAwait(false);

        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        context.Response.ContentLength = answer.Body.Length;
        foreach (KeyValuePair<string, string> header in answer.Headers)
        {
            context.Response.Headers[header.Key] = header.Value;
        }

        await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
