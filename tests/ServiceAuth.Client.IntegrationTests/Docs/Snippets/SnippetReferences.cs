using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace ServiceAuth.Client.IntegrationTests.Docs.Snippets;

/// <summary>
/// What a snippet compiles against: the reference packs of the shared frameworks (Microsoft.NETCore.App and
/// Microsoft.AspNetCore.App, as a new project sees them), then every assembly next to the tests (the libraries, their
/// packages, xunit) except the test-only ones a new project would not have. Loaded once.
/// </summary>
internal static class SnippetReferences
{
    private static readonly string[] NotInANewProject = ["Shouldly", "NSubstitute", "ServiceAuth.Client.TestUtilities", "ServiceAuth.Client.IntegrationTests", "QuickStart", "OrgSdk"];

    private static readonly Lazy<MetadataReference[]> All = new(Load);

    public static MetadataReference[] References => All.Value;

    public static string DotnetRoot => Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    public static string NewestPack(string pack) =>
        Directory.EnumerateDirectories(Path.Combine(DotnetRoot, "packs", pack))
            .Where(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out Version? v) && v.Major == Environment.Version.Major)
            .MaxBy(d => Version.Parse(Path.GetFileName(d).Split('-')[0]))
            ?? throw new InvalidOperationException($"No {pack} {Environment.Version.Major}.x under {DotnetRoot}/packs.");

    private static MetadataReference[] Load()
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string tfm = $"net{Environment.Version.Major}.0";
        foreach (string pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            foreach (string dll in Directory.EnumerateFiles(Path.Combine(NewestPack(pack), "ref", tfm), "*.dll"))
            {
                byName[Path.GetFileNameWithoutExtension(dll)] = dll;
            }
        }

        foreach (string dll in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
        {
            string name = Path.GetFileNameWithoutExtension(dll);
            if (!NotInANewProject.Contains(name) && !name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && IsManaged(dll))
            {
                byName[name] = dll;   // a package's newer copy wins over the shared framework's
            }
        }

        return [.. byName.Values.Select(p => MetadataReference.CreateFromFile(p))];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
