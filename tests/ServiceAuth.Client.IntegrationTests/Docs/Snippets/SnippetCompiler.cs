using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ServiceAuth.Client.IntegrationTests.Docs.Snippets;

/// <summary>Compiles one snippet in memory (with System.Text.Json's source generator) and returns its errors.</summary>
internal static class SnippetCompiler
{
    private static readonly Lazy<ISourceGenerator[]> Generators = new(LoadGenerators);

    public static IReadOnlyList<string> Errors(DocSnippet snippet)
    {
        SyntaxTree[] trees = SnippetSource.Build(snippet);
        if (snippet.Kind.HasFlag(SnippetKind.Fragment) && TypeBeforeStatement(snippet.Code) is { } type)
        {
            return [$"{snippet.Location}: the type {type} comes before statements; put type declarations after them, as Program.cs requires."];
        }

        var options = new CSharpCompilationOptions(
            trees.Any(SnippetSource.HasTopLevelStatements) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable);
        Compilation compilation = CSharpCompilation.Create("Snippet", trees, SnippetReferences.References, options);
        CSharpGeneratorDriver.Create(Generators.Value, parseOptions: SnippetSource.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out _);
        return [.. generated.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{snippet.Location} ({d.Location.SourceTree?.FilePath} line {d.Location.GetLineSpan().StartLinePosition.Line + 1}): {d.Id} {d.GetMessage()}  `{LineText(d)}`")];
    }

    private static string? TypeBeforeStatement(string code)
    {
        SyntaxList<MemberDeclarationSyntax> members = CSharpSyntaxTree.ParseText(code, SnippetSource.ParseOptions).GetCompilationUnitRoot().Members;
        int lastStatement = members.LastIndexOf(m => m is GlobalStatementSyntax);
        return members.Take(lastStatement).OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text;
    }

    private static string LineText(Diagnostic d) =>
        d.Location.SourceTree?.GetText().Lines[d.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim() ?? string.Empty;

    private static ISourceGenerator[] LoadGenerators()
    {
        string path = Path.Combine(SnippetReferences.NewestPack("Microsoft.NETCore.App.Ref"), "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        return [.. Assembly.LoadFrom(path).GetTypes()
            .Where(t => t.GetCustomAttribute<GeneratorAttribute>() is not null && typeof(IIncrementalGenerator).IsAssignableFrom(t))
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())];
    }
}
