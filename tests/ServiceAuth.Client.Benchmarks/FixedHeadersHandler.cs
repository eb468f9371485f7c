namespace ServiceAuth.Client.Benchmarks;

/// <summary>
/// Adds the headers a signature adds, precomputed once, to every request: the wire cost of SigV4 (the client writing and
/// the server parsing about 1.2 KB more of headers) without signing, so the handler's own cost is what the signed row
/// adds to this one.
/// </summary>
internal sealed class FixedHeadersHandler(IReadOnlyList<KeyValuePair<string, string>> headers) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (KeyValuePair<string, string> header in headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
