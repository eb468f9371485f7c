using System.Text.RegularExpressions;

namespace ServiceAuth.Client.IntegrationTests.Docs.Snippets;

/// <summary>The C# blocks of README.md, docs/*.md and the packages' PACKAGE.md, with their markers.</summary>
internal static partial class MarkdownSnippets
{
    public static IEnumerable<string> Pages(string root) =>
        new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md"))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src"), "PACKAGE.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<DocSnippet> Read(string root, string page)
    {
        string[] lines = File.ReadAllLines(page);
        string relative = Path.GetRelativePath(root, page).Replace('\\', '/');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!CSharpFence().IsMatch(lines[i]))
            {
                continue;
            }

            int start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                code.Add(lines[i]);
            }

            yield return new DocSnippet(relative, start + 1, string.Join('\n', code), SnippetMarker.Parse(PreviousText(lines, start), $"{relative}:{start + 1}"));
        }
    }

    private static string PreviousText(string[] lines, int fence)
    {
        int i = fence - 1;
        while (i >= 0 && string.IsNullOrWhiteSpace(lines[i]))
        {
            i--;
        }

        return i >= 0 ? lines[i] : string.Empty;
    }

    [GeneratedRegex(@"^```\s*(csharp|cs|c#)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CSharpFence();
}
