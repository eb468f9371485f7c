using System.Text.RegularExpressions;

namespace ServiceAuth.Client.IntegrationTests.Docs.Snippets;

/// <summary>Reads <c>&lt;!-- snippet: fragment web --&gt;</c> (on the last non-blank line before the fence).</summary>
internal static partial class SnippetMarker
{
    public static SnippetKind Parse(string previousLine, string location)
    {
        Match marker = Marker().Match(previousLine);
        if (!marker.Success)
        {
            return SnippetKind.Program;
        }

        string[] tokens = marker.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens is ["skip", _, ..])
        {
            return SnippetKind.Skip;
        }

        var kind = SnippetKind.Program;
        foreach (string token in tokens)
        {
            kind |= token switch
            {
                "fragment" => SnippetKind.Fragment,
                "web" => SnippetKind.Web,
                "skip" => throw new InvalidOperationException($"{location}: 'skip' needs a reason after it."),
                _ => throw new InvalidOperationException(
                    $"{location}: unknown snippet marker '{token}' (known: fragment, web, skip <reason>; see docs/testing.md, \"Code in the docs\")."),
            };
        }

        return kind;
    }

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(.*?)\s*-->\s*$")]
    private static partial Regex Marker();
}
