using System.Text.RegularExpressions;

namespace ServiceAuth.Client.Tests.Conventions;

/// <summary>
/// The folders of src/ServiceAuth.Client depend on each other exactly as docs/architecture.md lists them, in one
/// direction: a reference is a namespace <c>ServiceAuth.Client.X</c> or a type declared in another folder (types in the
/// root namespace included).
/// </summary>
public sealed partial class FeatureFolderDependencyTests
{
    private const string Heading = "## Folder dependencies";

    private static readonly Dictionary<string, HashSet<string>> Graph = BuildGraph();

    [Fact]
    public void Folders_DependExactlyAsDocumented()
    {
        string[] actual = [.. Graph.SelectMany(p => p.Value.Select(d => $"- {p.Key} → {d}")).Order(StringComparer.Ordinal)];
        string[] documented = DocumentedEdges();

        string[] undocumented = [.. actual.Except(documented)];
        string[] stale = [.. documented.Except(actual)];
        (undocumented.Length + stale.Length).ShouldBe(0, $"""
            docs/architecture.md, section "{Heading}", is not the folder graph of src/ServiceAuth.Client.
            In the code, not documented:
            {Lines(undocumented)}
            Documented, not in the code:
            {Lines(stale)}
            The list for today's code, to paste under the heading (a line may end with " — why"):
            {string.Join('\n', actual)}
            """);
    }

    [Fact]
    public void Folders_HaveNoDependencyCycle()
    {
        var remaining = Graph.ToDictionary(p => p.Key, p => new HashSet<string>(p.Value));
        while (remaining.Keys.FirstOrDefault(f => remaining[f].Count == 0) is { } leaf)
        {
            remaining.Remove(leaf);
            foreach (HashSet<string> deps in remaining.Values)
            {
                deps.Remove(leaf);
            }
        }

        remaining.Select(p => $"{p.Key} -> {string.Join(", ", p.Value)}").ShouldBeEmpty();
    }

    [Fact]
    public void SharedFolders_DependOnNoFeature()
    {
        Graph["Protocol"].ShouldBeEmpty();
        Graph["Diagnostics"].ShouldBeEmpty();
        Graph["DependencyInjection"].ShouldBeSubsetOf(["Protocol", "Diagnostics"]); // registration plumbing, no feature
        Graph["Sns"].ShouldContain("Signing"); // the scan sees references at all
    }

    /// <summary>The <c>- A → B</c> lines of the section, each without its optional <c> — reason</c>; any other list item
    /// there fails, so that an edge cannot be written in a form the test does not read.</summary>
    private static string[] DocumentedEdges()
    {
        string[] lines = File.ReadAllLines(Path.Combine(PublicApiConventionTests.RepositoryRoot(), "docs", "architecture.md"));
        int start = Array.IndexOf(lines, Heading);
        start.ShouldBeGreaterThanOrEqualTo(0, $"docs/architecture.md has no line \"{Heading}\"");
        string[] items = [.. lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).Where(l => l.StartsWith("- ", StringComparison.Ordinal))];
        items.Where(l => !DocumentedEdge().IsMatch(l)).ShouldBeEmpty("each list item under the heading is one \"- A → B\" or \"- A → B — why\"");
        return [.. items.Select(l => DocumentedEdge().Match(l).Groups[1].Value)];
    }

    private static string Lines(string[] edges) => edges.Length == 0 ? "(none)" : string.Join('\n', edges);

    private static Dictionary<string, HashSet<string>> BuildGraph()
    {
        string src = Path.Combine(PublicApiConventionTests.RepositoryRoot(), "src", "ServiceAuth.Client");
        Dictionary<string, string[]> texts = Directory.GetDirectories(src)
            .Where(d => Path.GetFileName(d) is not ("bin" or "obj"))
            .ToDictionary(d => Path.GetFileName(d), d => Directory.GetFiles(d, "*.cs", SearchOption.AllDirectories).Select(Code).ToArray());

        Dictionary<string, string> owner = texts
            .SelectMany(p => p.Value.SelectMany(t => Declaration().Matches(t).Select(m => (Name: m.Groups[1].Value, Folder: p.Key))))
            .Distinct()
            .GroupBy(d => d.Name)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Folder);

        return texts.ToDictionary(p => p.Key, p => p.Value
            .SelectMany(t => Namespace().Matches(t).Select(m => m.Groups[1].Value)
                .Concat(Identifier().Matches(t).Select(m => owner.GetValueOrDefault(m.Value, string.Empty))))
            .Where(f => f != p.Key && texts.ContainsKey(f))
            .ToHashSet());
    }

    // Comments and string literals removed, so that prose and log text do not count as references.
    private static string Code(string path) => Comment().Replace(StringLiteral().Replace(File.ReadAllText(path), "\"\""), string.Empty);

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(\w+)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\bServiceAuth\.Client\.(\w+)")]
    private static partial Regex Namespace();

    [GeneratedRegex(@"(?<![.\w])[A-Z]\w+\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^(- \w+ → \w+)(?: — .+)?$")]
    private static partial Regex DocumentedEdge();

    [GeneratedRegex(@"//.*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();
}
