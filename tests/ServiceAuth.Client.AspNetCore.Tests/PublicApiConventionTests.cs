using ServiceAuth.Client.AspNetCore.IdentityTokens;

namespace ServiceAuth.Client.AspNetCore.Tests;

public sealed class PublicApiConventionTests
{
    private static readonly Type[] PublicTypes = typeof(IamIdentityTokenAuthenticationOptions).Assembly.GetExportedTypes();

    [Fact]
    public void PublicTypes_NoneInInternalNamespaces() =>
        PublicTypes.Where(t => t.Namespace?.EndsWith(".Internal", StringComparison.Ordinal) == true).ShouldBeEmpty();

    [Fact]
    public void PublicClasses_AreSealedOrStatic() =>
        PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).ShouldBeEmpty();

    [Fact]
    public void PublicExceptions_DeriveFromServiceAuthException() =>
        PublicTypes.Where(t => typeof(Exception).IsAssignableFrom(t)).ShouldAllBe(t => t.IsSubclassOf(typeof(ServiceAuthException)));

    [Fact]
    public void DependencyInjectionExtensions_LiveInRootNamespace() =>
        PublicTypes.Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Extensions", StringComparison.Ordinal)
                && !t.Name.EndsWith("PolicyBuilderExtensions", StringComparison.Ordinal))
            .ShouldAllBe(t => t.Namespace == "ServiceAuth.Client");

    [Fact]
    public void PolicyBuilderExtensions_LiveInTheirFeatureNamespace() =>
        PublicTypes.Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("PolicyBuilderExtensions", StringComparison.Ordinal))
            .ShouldAllBe(t => t.Namespace!.StartsWith("ServiceAuth.Client.AspNetCore.", StringComparison.Ordinal));
}
