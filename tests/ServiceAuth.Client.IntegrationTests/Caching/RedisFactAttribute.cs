namespace ServiceAuth.Client.IntegrationTests.Caching;

/// <summary>A fact that needs <c>redis-server</c> on the PATH: skipped, saying so, when it is missing and <c>CI</c> is
/// not set; with <c>CI</c> set it runs (and fails, naming the missing server).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Executable is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = "Skipped: redis-server is not installed (apt-get install -y redis-server); with CI set this test fails instead.";
        }
    }
}
