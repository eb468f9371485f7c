using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceAuth.Client.AspNetCore.TokenPropagation;
using ServiceAuth.Client.AspNetCore.TokenPropagation.Internal;
using ServiceAuth.Client.DependencyInjection.Internal;

namespace ServiceAuth.Client;

/// <summary>Forwards the inbound ASP.NET Core request's bearer token on an <see cref="IHttpClientBuilder"/>'s requests.</summary>
public static class BearerTokenPropagationHttpClientBuilderExtensions
{
    private static readonly string[] SensitiveHeaders = ["Authorization"];

    /// <summary>
    /// Sends the current ASP.NET Core request's <c>Authorization: Bearer</c> token (a user's Cognito token, say) on the
    /// client's requests to the hosts in <see cref="BearerTokenPropagationOptions.AllowedHosts"/>, over https (or
    /// loopback). Requests to other hosts go without it and a warning names the host. A request that already carries
    /// <c>Authorization</c> keeps it. The options are validated when the host starts; <c>Authorization</c> is redacted
    /// from HttpClient's logs.
    /// </summary>
    /// <param name="builder">The <see cref="IHttpClientBuilder"/>.</param>
    /// <param name="configure">Names the allowed hosts.</param>
    /// <returns>An <see cref="IHttpClientBuilder"/> that can be used to configure the client.</returns>
    public static IHttpClientBuilder AddBearerTokenPropagation(this IHttpClientBuilder builder, Action<BearerTokenPropagationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        IServiceCollection services = builder.Services;
        string name = builder.Name;
        services.AddHttpContextAccessor();
        services.AddOptions<BearerTokenPropagationOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BearerTokenPropagationOptions>, BearerTokenPropagationOptionsValidator>());
        builder.AddHttpMessageHandler(provider => new BearerTokenPropagationHandler(
            provider.GetRequiredService<IHttpContextAccessor>(),
            provider.GetRequiredService<IOptionsMonitor<BearerTokenPropagationOptions>>().Get(name),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("ServiceAuth.Client.AspNetCore.TokenPropagation")));
        builder.RedactSecrets(SensitiveHeaders);
        return builder;
    }
}
