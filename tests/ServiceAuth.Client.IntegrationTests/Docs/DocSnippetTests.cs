using System.Collections.Concurrent;
using ServiceAuth.Client.IntegrationTests.Docs.Snippets;

namespace ServiceAuth.Client.IntegrationTests.Docs;

// Every C# block of README.md, docs/*.md and the packages' PACKAGE.md compiles as pasted, by the convention in
// docs/testing.md ("Code in the docs"): one in-memory Roslyn compilation per block, in parallel.
public sealed class DocSnippetTests
{
    [Fact]
    public void EveryCSharpBlockOfTheDocsCompiles()
    {
        string root = RepositoryLocation.Root;
        DocSnippet[] snippets = [.. MarkdownSnippets.Pages(root).SelectMany(page => MarkdownSnippets.Read(root, page))];
        var errors = new ConcurrentBag<string>();

        Parallel.ForEach(snippets.Where(s => !s.Kind.HasFlag(SnippetKind.Skip)), snippet =>
        {
            foreach (string error in SnippetCompiler.Errors(snippet))
            {
                errors.Add(error);
            }
        });

        snippets.Length.ShouldBeGreaterThan(40, "the docs' C# blocks were not found");
        errors.ShouldBeEmpty(customMessage: "\n" + string.Join('\n', errors.Order(StringComparer.Ordinal)) + "\n");
    }

    [Fact]
    public void AMissingUsingFailsTheCheck()
    {
        var snippet = new DocSnippet("test.md", 1, "services.AddSnsPublisher<OrderPlaced>(o => o.JsonTypeInfo = AppJsonContext.Default.OrderPlaced);", SnippetKind.Fragment);

        SnippetCompiler.Errors(snippet).ShouldContain(e => e.Contains("CS1061", StringComparison.Ordinal));
        SnippetCompiler.Errors(snippet with { Code = "using ServiceAuth.Client;\n" + snippet.Code }).ShouldBeEmpty();
    }
}
