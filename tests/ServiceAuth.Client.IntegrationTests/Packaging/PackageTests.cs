using System.IO.Compression;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace ServiceAuth.Client.IntegrationTests.Packaging;

/// <summary>
/// Packs the libraries as a release would (the solution's Release build, <c>--no-build</c>) and reads the packages: the
/// version comes from MinVer, a symbols package sits beside it, the repository is recorded, and the net8.0 build depends
/// on the Microsoft.Extensions 8.0.x floor while net10.0 depends on 10.x; every package that sees another's internals
/// depends on its ServiceAuth packages at exactly its own version.
/// </summary>
public sealed class PackageTests
{
    [Fact]
    public async Task Pack_Release_VersionFromMinVer_Symbols_RepositoryAndNet8Floor()
    {
        await PackAsync("ServiceAuth.Client", (output, package, metadata, ns) =>
        {
            File.Exists(Path.Combine(output, "ServiceAuth.Client.9.8.7.snupkg")).ShouldBeTrue();
            metadata.Element(ns + "version")!.Value.ShouldBe("9.8.7");
            metadata.Element(ns + "repository")!.Attribute("url")!.Value.ShouldBe("https://github.com/serviceauth/ServiceAuth.Client");
            Dependency(metadata, ns, "net8.0", "Microsoft.Extensions.Http").ShouldStartWith("8.0.");
            Dependency(metadata, ns, "net10.0", "Microsoft.Extensions.Http").ShouldStartWith("10.");
            IEnumerable<string> dependencies = metadata.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!);
            dependencies.ShouldNotContain("Microsoft.Extensions.Options.DataAnnotations");
            dependencies.ShouldNotContain("Microsoft.Extensions.Http.Resilience", "AddAwsRetries is in ServiceAuth.Client.Resilience");
            dependencies.ShouldNotContain("Duende.IdentityModel", "AddClientCredentialsToken is in ServiceAuth.Client.ClientCredentials");
            package.Entries.Select(e => e.FullName).ShouldContain("lib/net8.0/ServiceAuth.Client.dll");
        });
    }

    [Fact]
    public async Task PackResilience_DependsOnHttpResilience_AndOnExactlyTheSameCoreVersion()
    {
        await PackAsync("ServiceAuth.Client.Resilience", (_, _, metadata, ns) =>
        {
            Dependency(metadata, ns, "net8.0", "ServiceAuth.Client").ShouldBe("[9.8.7]", "it compiles against the core's internals");
            Dependency(metadata, ns, "net10.0", "ServiceAuth.Client").ShouldBe("[9.8.7]");
            Dependency(metadata, ns, "net8.0", "Microsoft.Extensions.Http.Resilience").ShouldStartWith("8.");
        });
    }

    /// <summary>The shipped packages (src/) that another shipped package lets see its internals.</summary>
    public static TheoryData<string> PackagesWithInternalsAccess()
    {
        string[] shipped = [.. Directory.EnumerateDirectories(Path.Combine(RepositoryLocation.Root, "src"))
            .Select(Path.GetFileName).OfType<string>()
            .Where(name => File.Exists(Path.Combine(RepositoryLocation.Root, "src", name, name + ".csproj")))];
        var data = new TheoryData<string>();
        foreach (string name in shipped
            .SelectMany(name => Assembly.Load(new AssemblyName(name)).GetCustomAttributes<InternalsVisibleToAttribute>())
            .Select(a => a.AssemblyName.Split(',')[0].Trim())
            .Where(shipped.Contains)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void PackagesWithInternalsAccess_AreTheOnesThatCompileAgainstInternals()
    {
        ((IEnumerable<object[]>)PackagesWithInternalsAccess()).Select(row => (string)row[0]).ShouldBe(
            ["ServiceAuth.Client.AspNetCore", "ServiceAuth.Client.ClientCredentials", "ServiceAuth.Client.ClientCredentials.Caching", "ServiceAuth.Client.Resilience"]);
    }

    [Theory]
    [MemberData(nameof(PackagesWithInternalsAccess))]
    public async Task PackageWithInternalsAccess_DependsOnItsServiceAuthPackagesAtExactlyItsVersion(string project)
    {
        await PackAsync(project, (_, _, metadata, ns) =>
        {
            XElement[] serviceAuth = [.. metadata.Descendants(ns + "dependency")
                .Where(d => ((string)d.Attribute("id")!).StartsWith("ServiceAuth.Client", StringComparison.Ordinal))];
            serviceAuth.ShouldNotBeEmpty();
            foreach (XElement dependency in serviceAuth)
            {
                ((string)dependency.Attribute("version")!).ShouldBe("[9.8.7]", $"{project} compiles against internals of {dependency.Attribute("id")}: a newer one alone can break it");
            }
        });
    }

    [Fact]
    public async Task PackClientCredentialsCaching_DependsOnClientCredentials_WhichBringsDuende()
    {
        await PackAsync("ServiceAuth.Client.ClientCredentials.Caching", (_, _, metadata, ns) =>
            Dependency(metadata, ns, "net10.0", "ServiceAuth.Client.ClientCredentials").ShouldBe("[9.8.7]"));
        await PackAsync("ServiceAuth.Client.ClientCredentials", (_, _, metadata, ns) =>
        {
            Dependency(metadata, ns, "net8.0", "ServiceAuth.Client").ShouldBe("[9.8.7]");
            Dependency(metadata, ns, "net8.0", "Duende.IdentityModel").ShouldNotBeNullOrEmpty();
        });
    }

    /// <summary>Packs <c>src/{project}</c> at version 9.8.7 and hands the output folder, the package and its nuspec
    /// metadata to <paramref name="inspect"/>.</summary>
    private static async Task PackAsync(string project, Action<string, ZipArchive, XElement, XNamespace> inspect)
    {
        string output = Path.Combine(Path.GetTempPath(), "serviceauth-pack-" + Guid.NewGuid().ToString("N"));
        try
        {
            string built = Path.Combine(RepositoryLocation.Root, "src", project, "bin", "Release", "net8.0", project + ".dll");
            File.Exists(built).ShouldBeTrue($"{built} is missing: these tests pack the solution's Release build of every framework; run `dotnet build ServiceAuth.Client.sln -c Release` before `dotnet test --no-build` (README's test command does)");
            (int exit, string log) = await ExternalProcess.RunAsync("dotnet", $"pack src/{project} -c Release --no-build -o \"{output}\" -p:MinVerVersionOverride=9.8.7 -nodeReuse:false", RepositoryLocation.Root, TimeSpan.FromMinutes(5));
            exit.ShouldBe(0, log);

            using ZipArchive package = ZipFile.OpenRead(Path.Combine(output, $"{project}.9.8.7.nupkg"));
            XDocument nuspec;
            using (Stream stream = package.GetEntry($"{project}.nuspec")!.Open())
            {
                nuspec = XDocument.Load(stream);
            }

            XNamespace ns = nuspec.Root!.Name.Namespace;
            inspect(output, package, nuspec.Root.Element(ns + "metadata")!, ns);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static string Dependency(XElement metadata, XNamespace ns, string framework, string id) =>
        (string)metadata.Descendants(ns + "group").Single(g => (string?)g.Attribute("targetFramework") == framework)
            .Elements(ns + "dependency").Single(d => (string?)d.Attribute("id") == id).Attribute("version")!;
}
