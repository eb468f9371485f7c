using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ServiceAuth.Client.DependencyInjection.Internal;

/// <summary>
/// How every client the library configures is logged. The headers that carry a secret are redacted on top of the client's
/// own rule (HttpClient's default redacts every value; a user's later <c>RedactLoggedHeaders</c> cannot weaken it, because
/// this runs as a post-configuration step), and HttpClient's default loggers are replaced by
/// <see cref="RedactingHttpClientLogger"/>: the same events, but the default logger redacts only its message text, while
/// its structured state carries every header value in clear (and, on Microsoft.Extensions.Http 8, the whole query string
/// of a presigned URL), which structured providers (JSON console, OpenTelemetry, Serilog) write out.
/// </summary>
internal static class HttpClientLogRedaction
{
    /// <summary>Applies the redaction to <paramref name="builder"/>; calling it again for the same client changes nothing.</summary>
    public static IHttpClientBuilder RedactSecrets(this IHttpClientBuilder builder, params string[] sensitiveHeaders)
    {
        string name = builder.Name;
        builder.Services.PostConfigure<HttpClientFactoryOptions>(name, options =>
        {
            Func<string, bool> existing = options.ShouldRedactHeaderValue;
            options.ShouldRedactHeaderValue = header => Array.Exists(sensitiveHeaders, h => string.Equals(h, header, StringComparison.OrdinalIgnoreCase)) || existing(header);
        });
        return builder.RemoveAllLoggers()
            .AddLogger(provider => RedactingHttpClientLogger.Create(provider, name, logical: true), wrapHandlersPipeline: true)
            .AddLogger(provider => RedactingHttpClientLogger.Create(provider, name, logical: false), wrapHandlersPipeline: false);
    }
}
