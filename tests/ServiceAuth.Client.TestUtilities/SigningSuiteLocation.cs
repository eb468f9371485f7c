namespace ServiceAuth.Client.TestUtilities;

/// <summary>
/// Where the AWS signing test suite is: <c>SERVICEAUTH_SIGV4_SUITE</c>, or <c>../shared/aws-signing-test-suite</c> next to
/// the repository root (the folder that holds ServiceAuth.Client.sln). The vectors are never copied into the repository.
/// </summary>
public static class SigningSuiteLocation
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>Gets the suite folder (it may not exist).</summary>
    public static string SuiteDirectory => Root.Value;

    /// <summary>Gets the <c>v4</c> folder of the suite.</summary>
    public static string V4Directory => Path.Combine(SuiteDirectory, "v4");

    /// <summary>Gets the <c>v4a</c> folder of the suite.</summary>
    public static string V4aDirectory => Path.Combine(SuiteDirectory, "v4a");

    /// <summary>Gets a value indicating whether the v4 vectors are present.</summary>
    public static bool IsPresent => Directory.Exists(V4Directory);

    /// <summary>Gets a value indicating whether the tests run in CI, where a missing suite is a failure.</summary>
    public static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Gets the skip reason when the suite is missing outside CI, else <see langword="null"/>.</summary>
    public static string? SkipReason =>
        IsPresent || IsCi ? null
            : $"Skipped: this test checks the signer against AWS's SigV4 test vectors (the aws-signing-test-suite), which may not be redistributed and so live outside the repository; none were found at {SuiteDirectory}. Put the suite there or set SERVICEAUTH_SIGV4_SUITE; with CI set, a missing suite fails instead.";

    private static string Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("SERVICEAUTH_SIGV4_SUITE");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        if (RepositoryLocation.RootOrNull is { } root)
        {
            return Path.GetFullPath(Path.Combine(root, "..", "shared", "aws-signing-test-suite"));
        }

        return Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "shared", "aws-signing-test-suite"));
    }
}
