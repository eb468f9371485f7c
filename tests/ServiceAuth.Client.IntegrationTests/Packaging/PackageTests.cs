using System.IO.Compression;
using System.Xml.Linq;

namespace ServiceAuth.Client.IntegrationTests.Packaging;

/// <summary>
/// Packs the libraries as a release would (the solution's Release build, <c>--no-build</c>) and reads the packages: the
/// version comes from MinVer, a symbols package sits beside it, the repository is recorded, and the net8.0 build depends
/// on the Microsoft.Extensions 8.0.x floor while net10.0 depends on 10.x; ServiceAuth.Client.Resilience pins the core.
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

    /// <summary>Packs <c>src/{project}</c> at version 9.8.7 and hands the output folder, the package and its nuspec
    /// metadata to <paramref name="inspect"/>.</summary>
    private static async Task PackAsync(string project, Action<string, ZipArchive, XElement, XNamespace> inspect)
    {
        string output = Path.Combine(Path.GetTempPath(), "serviceauth-pack-" + Guid.NewGuid().ToString("N"));
        try
        {
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
