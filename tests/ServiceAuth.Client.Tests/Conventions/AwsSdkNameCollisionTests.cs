using Amazon.Runtime;

namespace ServiceAuth.Client.Tests.Conventions;

/// <summary>
/// Code that imports both <c>ServiceAuth.Client.*</c> and <c>Amazon.Runtime*</c> must compile without CS0104, so no
/// public type of ours may share a simple name with a public type of AWSSDK.Core in those namespaces.
/// </summary>
public sealed class AwsSdkNameCollisionTests
{
    [Fact]
    public void NoPublicType_SharesASimpleNameWithAnAmazonRuntimeType()
    {
        HashSet<string> sdkNames = typeof(AWSCredentials).Assembly.GetExportedTypes()
            .Where(t => t.Namespace?.StartsWith("Amazon.Runtime", StringComparison.Ordinal) == true)
            .Select(t => t.Name)
            .ToHashSet(StringComparer.Ordinal);

        string[] ours = new[] { typeof(SignedHttpClientOptions).Assembly, typeof(AwsSdkDefaultsServiceCollectionExtensions).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => sdkNames.Contains(t.Name))
            .Select(t => t.FullName!)
            .ToArray();

        sdkNames.ShouldContain("SigV4SigningHandler"); // the check can see the names it guards against
        ours.ShouldBeEmpty();
    }
}
