using ServiceAuth.Client.Signing.Internal;

namespace ServiceAuth.Client.Signing.Internal.Client;

/// <summary>
/// Adds <c>x-amz-content-sha256</c> (the hex SHA-256 of the body) to <c>POST</c> and <c>PUT</c> requests without signing
/// them: for Lambda function URLs behind CloudFront with Origin Access Control, where CloudFront signs the origin request
/// but Lambda does not accept unsigned payloads, so the viewer must send the body's hash. A body that is neither in memory
/// nor seekable is buffered (up to the default limit) so that what is sent is what was hashed.
/// </summary>
internal sealed class ContentSha256Handler : DelegatingHandler
{
    public const string HeaderName = "x-amz-content-sha256";

    // PayloadHasher needs signing parameters; only the payload mode and the buffer limit matter for hashing.
    private static readonly SigV4SigningParameters HashOnly = new() { Region = "us-east-1", Service = "lambda", SigningTime = DateTimeOffset.UnixEpoch };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Needs(request))
        {
            request.Headers.TryAddWithoutValidation(HeaderName, await PayloadHasher.GetAsync(request, HashOnly, cancellationToken).ConfigureAwait(false));
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Needs(request))
        {
            request.Headers.TryAddWithoutValidation(HeaderName, PayloadHasher.Get(request, HashOnly, cancellationToken));
        }

        return base.Send(request, cancellationToken);
    }

    private static bool Needs(HttpRequestMessage request) =>
        (request.Method == HttpMethod.Post || request.Method == HttpMethod.Put) && !request.Headers.Contains(HeaderName);
}
