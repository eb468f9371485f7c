namespace ServiceAuth.Client.IntegrationTests.Docs.Snippets;

/// <summary>How a C# block of the docs is compiled: the tokens of its <c>&lt;!-- snippet: … --&gt;</c> marker.</summary>
[Flags]
internal enum SnippetKind
{
    /// <summary>No marker: a whole <c>Program.cs</c> (or a whole file of types) of a <c>dotnet new console</c> project.</summary>
    Program = 0,

    /// <summary><c>fragment</c>: statements pasted where the prelude's variables exist (a worker's implicit usings).</summary>
    Fragment = 1,

    /// <summary><c>web</c>: the implicit usings of <c>Microsoft.NET.Sdk.Web</c> (<c>dotnet new web</c>) instead.</summary>
    Web = 2,

    /// <summary><c>skip</c>: not compiled (the marker must say why).</summary>
    Skip = 4,
}
