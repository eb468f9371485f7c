using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceAuth.Client;

/// <summary>
/// Registers HttpClients whose every request is signed with SigV4, in the vocabulary of <c>AddHttpClient</c>: each
/// overload returns the <see cref="IHttpClientBuilder"/>, so handlers, typed clients and primary-handler settings chain as
/// usual (the signer stays innermost).
/// </summary>
public static class SignedHttpClientServiceCollectionExtensions
{
    /// <summary>Adds a named, signed <see cref="HttpClient"/>.</summary>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="name">The logical name of the <see cref="HttpClient"/> to configure.</param>
    /// <param name="configure">A delegate that configures the <see cref="SignedHttpClientOptions"/>.</param>
    /// <returns>An <see cref="IHttpClientBuilder"/> that can be used to configure the client.</returns>
    public static IHttpClientBuilder AddSignedHttpClient(this IServiceCollection services, string name, Action<SignedHttpClientOptions> configure) =>
        services.AddHttpClient(name).AddSigV4Signing(configure);

    /// <summary>Adds a named, signed <see cref="HttpClient"/> whose options are bound from a configuration section.</summary>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="name">The logical name of the <see cref="HttpClient"/> to configure.</param>
    /// <param name="section">The configuration section holding <see cref="SignedHttpClientOptions"/>.</param>
    /// <param name="configure">An optional delegate that configures the options after binding.</param>
    /// <returns>An <see cref="IHttpClientBuilder"/> that can be used to configure the client.</returns>
    public static IHttpClientBuilder AddSignedHttpClient(this IServiceCollection services, string name, IConfigurationSection section, Action<SignedHttpClientOptions>? configure = null) =>
        services.AddHttpClient(name).AddSigV4Signing(section, configure);

    /// <summary>Adds a signed typed client; the client's name is the type's name.</summary>
    /// <typeparam name="TClient">The type of the typed client.</typeparam>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="configure">A delegate that configures the <see cref="SignedHttpClientOptions"/>.</param>
    /// <returns>An <see cref="IHttpClientBuilder"/> that can be used to configure the client.</returns>
    public static IHttpClientBuilder AddSignedHttpClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services, Action<SignedHttpClientOptions> configure)
        where TClient : class =>
        services.AddHttpClient<TClient>().AddSigV4Signing(configure);

    /// <summary>Adds a signed typed client with an implementation type; the client's name is <typeparamref name="TClient"/>'s name.</summary>
    /// <typeparam name="TClient">The type of the typed client.</typeparam>
    /// <typeparam name="TImplementation">The implementation of <typeparamref name="TClient"/>.</typeparam>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="configure">A delegate that configures the <see cref="SignedHttpClientOptions"/>.</param>
    /// <returns>An <see cref="IHttpClientBuilder"/> that can be used to configure the client.</returns>
    public static IHttpClientBuilder AddSignedHttpClient<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation>(
        this IServiceCollection services, Action<SignedHttpClientOptions> configure)
        where TClient : class
        where TImplementation : class, TClient =>
        services.AddHttpClient<TClient, TImplementation>().AddSigV4Signing(configure);

    /// <summary>Adds a named, signed typed client.</summary>
    /// <typeparam name="TClient">The type of the typed client.</typeparam>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="name">The logical name of the <see cref="HttpClient"/> to configure.</param>
    /// <param name="configure">A delegate that configures the <see cref="SignedHttpClientOptions"/>.</param>
    /// <returns>An <see cref="IHttpClientBuilder"/> that can be used to configure the client.</returns>
    public static IHttpClientBuilder AddSignedHttpClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services, string name, Action<SignedHttpClientOptions> configure)
        where TClient : class =>
        services.AddHttpClient<TClient>(name).AddSigV4Signing(configure);

    /// <summary>Adds a signed typed client whose options are bound from a configuration section.</summary>
    /// <typeparam name="TClient">The type of the typed client.</typeparam>
    /// <param name="services">The <see cref="IServiceCollection"/>.</param>
    /// <param name="section">The configuration section holding <see cref="SignedHttpClientOptions"/>.</param>
    /// <param name="configure">An optional delegate that configures the options after binding.</param>
    /// <returns>An <see cref="IHttpClientBuilder"/> that can be used to configure the client.</returns>
    public static IHttpClientBuilder AddSignedHttpClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(
        this IServiceCollection services, IConfigurationSection section, Action<SignedHttpClientOptions>? configure = null)
        where TClient : class =>
        services.AddHttpClient<TClient>().AddSigV4Signing(section, configure);
}
