namespace ServiceAuth.Client.IntegrationTests.Docs.Snippets;

/// <summary>One fenced C# block of a markdown page.</summary>
/// <param name="File">The page, relative to the repository root.</param>
/// <param name="Line">The line of the opening fence (1-based).</param>
/// <param name="Code">The block's text.</param>
/// <param name="Kind">How it is compiled.</param>
internal sealed record DocSnippet(string File, int Line, string Code, SnippetKind Kind)
{
    /// <summary>Gets where the block is, as <c>docs/sns.md:14</c>.</summary>
    public string Location => $"{File}:{Line}";

    /// <inheritdoc/>
    public override string ToString() => Location;
}
