using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.AspNetCore.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.Tests.Support;

/// <summary>
/// The test seam for a loopback STS: a handler on the verifier's named STS HttpClient that sends the request the verifier
/// built for <c>https://sts.&lt;region&gt;.amazonaws.com/</c> to <paramref name="loopback"/> instead, with that STS host in
/// <c>Host</c>, through the client's real primary handler; the answer carries the request as the verifier sent it.
/// </summary>
internal sealed class LoopbackSts(Uri loopback) : DelegatingHandler
{
    public static void Use(IServiceCollection services, Uri loopback) =>
        services.AddHttpClient(IamIdentityTokenDefaults.StsHttpClientName).AddHttpMessageHandler(() => new LoopbackSts(loopback));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Uri sts = request.RequestUri!;
        request.Headers.Host = sts.Host;
        request.RequestUri = new Uri($"{loopback.GetLeftPart(UriPartial.Authority)}{sts.PathAndQuery}", UriKind.Absolute);
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.RequestMessage = request;
            return response;
        }
        finally
        {
            request.RequestUri = sts;
        }
    }
}
