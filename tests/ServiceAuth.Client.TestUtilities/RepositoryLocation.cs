namespace ServiceAuth.Client.TestUtilities;

/// <summary>The repository root: the folder above the test binaries that holds ServiceAuth.Client.sln.</summary>
public static class RepositoryLocation
{
    private static readonly Lazy<string?> Found = new(Locate);

    /// <summary>Gets the repository root, or <see langword="null"/> when the tests run outside a checkout.</summary>
    public static string? RootOrNull => Found.Value;

    /// <summary>Gets the repository root.</summary>
    /// <exception cref="InvalidOperationException">No folder above the test binaries holds ServiceAuth.Client.sln.</exception>
    public static string Root => Found.Value ?? throw new InvalidOperationException("ServiceAuth.Client.sln not found above " + AppContext.BaseDirectory);

    private static string? Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ServiceAuth.Client.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
