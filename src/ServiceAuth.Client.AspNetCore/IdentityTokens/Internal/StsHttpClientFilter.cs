using Microsoft.Extensions.Http;
using ServiceAuth.Client.AspNetCore.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

/// <summary>Puts <see cref="StsHeaderAllowList"/> last among the verifier's STS client handlers, after every handler the
/// application configured for that client and whatever primary handler it chose (a proxy, a local STS), so that
/// replacing the primary handler or adding handlers cannot undo the allow-list. Other clients are left alone.</summary>
internal sealed class StsHttpClientFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (string.Equals(builder.Name, IamIdentityTokenDefaults.StsHttpClientName, StringComparison.Ordinal))
        {
            builder.AdditionalHandlers.Add(new StsHeaderAllowList());
        }
    };
}
