using Microsoft.Extensions.DependencyInjection;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client;

/// <summary>Extensions for clients whose requests another party signs.</summary>
public static class ContentSha256HttpClientBuilderExtensions
{
    /// <summary>
    /// Sends <c>x-amz-content-sha256</c> with the hex SHA-256 of the body on every <c>POST</c> and <c>PUT</c>, without
    /// signing the request. Use it for a Lambda function URL behind CloudFront with Origin Access Control: CloudFront signs
    /// the request to Lambda but does not hash the body, and Lambda refuses unsigned payloads, so without this header
    /// <c>POST</c>/<c>PUT</c> calls get 403 (see docs/signing.md, "Lambda function URLs behind CloudFront"). A header the
    /// request already carries is kept; on a SigV4-signed client the signer signs this hash.
    /// </summary>
    /// <param name="builder">The <see cref="IHttpClientBuilder"/>.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddContentSha256Header(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHttpMessageHandler(static () => new ContentSha256Handler());
    }
}
