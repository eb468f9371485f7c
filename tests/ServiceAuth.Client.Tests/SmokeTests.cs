namespace ServiceAuth.Client.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Assembly_Loads() => typeof(ServiceAuth.Client.Signing.SigV4Signer).Assembly.GetName().Name.ShouldBe("ServiceAuth.Client");
}
