using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ServiceAuth.Client.IntegrationTests.Docs.Snippets;

/// <summary>Turns a snippet into the files a new project would compile, by the convention in docs/testing.md.</summary>
internal static class SnippetSource
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static SyntaxTree[] Build(DocSnippet snippet)
    {
        string[] usings = snippet.Kind.HasFlag(SnippetKind.Web) ? SnippetPrelude.WebUsings
            : snippet.Kind.HasFlag(SnippetKind.Fragment) ? SnippetPrelude.WorkerUsings
            : SnippetPrelude.ConsoleUsings;
        SyntaxTree implicitUsings = Parse(string.Concat(usings.Select(u => $"global using global::{u};\n")), "ImplicitUsings.cs");
        string code = snippet.Kind.HasFlag(SnippetKind.Fragment) ? Wrap(snippet.Code) : snippet.Code;
        return [implicitUsings, Parse(code, snippet.Kind.HasFlag(SnippetKind.Fragment) ? "Fragment.cs" : "Program.cs")];
    }

    public static bool HasTopLevelStatements(SyntaxTree tree) =>
        tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();

    private static string Wrap(string fragment)
    {
        CompilationUnitSyntax unit = Parse(fragment, "Fragment.cs").GetCompilationUnitRoot();
        var text = new System.Text.StringBuilder();
        text.AppendJoin('\n', unit.Usings.Select(u => u.ToFullString().Trim())).Append('\n');
        text.Append(SnippetPrelude.FragmentMethod).Append('\n');
        text.AppendJoin('\n', unit.Members.OfType<GlobalStatementSyntax>().Select(s => s.ToFullString()));
        text.Append("\n        await global::System.Threading.Tasks.Task.CompletedTask;\n    }\n}\n");
        IEnumerable<MemberDeclarationSyntax> types = unit.Members.Where(m => m is not GlobalStatementSyntax);
        text.AppendJoin('\n', types.Select(t => t.ToFullString()));
        HashSet<string> declared = [.. types.OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.Text)];
        text.AppendJoin('\n', SnippetPrelude.SampleTypes.Where(t => !declared.Contains(t.Name)).Select(t => t.Declaration));
        return text.ToString();
    }

    private static SyntaxTree Parse(string code, string path) => CSharpSyntaxTree.ParseText(code, ParseOptions, path);
}
