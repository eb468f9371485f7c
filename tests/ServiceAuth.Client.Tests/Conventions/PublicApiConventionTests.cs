using System.Reflection;

namespace ServiceAuth.Client.Tests.Conventions;

public sealed class PublicApiConventionTests
{
    private static readonly Type[] PublicTypes = typeof(SignedHttpClientOptions).Assembly.GetExportedTypes();

    [Fact]
    public void PublicTypes_NoneInInternalNamespaces()
    {
        PublicTypes.Where(t => t.Namespace?.EndsWith(".Internal", StringComparison.Ordinal) == true).ShouldBeEmpty();
    }

    [Fact]
    public void PublicClasses_AreSealedOrStatic_ExceptTheExceptionBase()
    {
        Type[] open = PublicTypes
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && t != typeof(ServiceAuthException))
            .ToArray();

        open.ShouldBeEmpty();
    }

    [Fact]
    public void PublicExceptions_DeriveFromServiceAuthException()
    {
        // Cancellation is the one exception: callers catch OperationCanceledException, so a cancellation that carries
        // partial results (EventBridgeBatchCanceledException) must be one.
        PublicTypes.Where(t => typeof(Exception).IsAssignableFrom(t) && t != typeof(ServiceAuthException) && !t.IsSubclassOf(typeof(OperationCanceledException)))
            .ShouldAllBe(t => t.IsSubclassOf(typeof(ServiceAuthException)));
        PublicTypes.Where(t => t.IsSubclassOf(typeof(OperationCanceledException))).ShouldAllBe(t => t.Name.EndsWith("CanceledException", StringComparison.Ordinal));
    }

    [Fact]
    public void DependencyInjectionExtensions_LiveInRootNamespace()
    {
        PublicTypes.Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Extensions", StringComparison.Ordinal))
            .ShouldAllBe(t => t.Namespace == "ServiceAuth.Client");
    }

    [Fact]
    public void SourceFiles_NoneOver300Lines()
    {
        string src = Path.Combine(RepositoryRoot(), "src");

        string[] tooLong = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadLines(f).Count() > 300)
            .ToArray();

        tooLong.ShouldBeEmpty();
    }

    internal static string RepositoryRoot() => RepositoryLocation.Root;
}
