namespace ServiceAuth.Client.IntegrationTests.Docs.Snippets;

/// <summary>
/// What a snippet may assume without writing it (docs/testing.md, "Code in the docs"): the implicit usings of its SDK,
/// and for a fragment the variables of <see cref="FragmentMethod"/> and the types of <see cref="SampleTypes"/>.
/// </summary>
internal static class SnippetPrelude
{
    public static readonly string[] ConsoleUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    /// <summary>A fragment goes where <c>services</c> is: a <c>dotnet new worker</c> project's implicit usings.</summary>
    public static readonly string[] WorkerUsings =
    [
        .. ConsoleUsings, "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    public static readonly string[] WebUsings =
    [
        .. WorkerUsings, "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing",
    ];

    /// <summary>The method a fragment's statements go into: its parameters are the variables a fragment may use.</summary>
    public const string FragmentMethod = """
        internal static class DocFragment
        {
            internal static async global::System.Threading.Tasks.Task RunAsync(
                global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
                global::Microsoft.Extensions.Configuration.IConfiguration configuration,
                global::Microsoft.AspNetCore.Builder.WebApplicationBuilder builder,
                global::Microsoft.AspNetCore.Builder.WebApplication app,
                global::System.IServiceProvider provider,
                global::System.Net.Http.HttpClient client,
                global::Microsoft.Extensions.Logging.ILogger logger,
                global::System.TimeProvider timeProvider,
                global::System.Threading.CancellationToken ct)
            {
        """;

    /// <summary>The example payload and its serializer context, unless the snippet declares its own.</summary>
    public static readonly (string Name, string Declaration)[] SampleTypes =
    [
        ("OrderPlaced", "internal sealed record OrderPlaced(string OrderId, decimal Total);"),
        ("AppJsonContext", "[global::System.Text.Json.Serialization.JsonSerializable(typeof(OrderPlaced))] internal sealed partial class AppJsonContext : global::System.Text.Json.Serialization.JsonSerializerContext;"),
    ];
}
