using System.Net;
using System.Net.Http.Headers;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>A primary handler that answers 200 and records every request header it was sent.</summary>
internal sealed class SignatureHeaderCapture : HttpMessageHandler
{
    public List<KeyValuePair<string, string>> Added { get; } = [];

    /// <summary>Gets a value indicating whether headers are recorded; off, the handler only answers 200.</summary>
    public bool Recording { get; init; } = true;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Recording)
        {
            foreach (KeyValuePair<string, HeaderStringValues> header in request.Headers.NonValidated)
            {
                Added.Add(new(header.Key, header.Value.ToString()));
            }
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
