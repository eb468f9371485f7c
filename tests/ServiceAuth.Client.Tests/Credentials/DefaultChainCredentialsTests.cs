using Amazon.Runtime;
using ServiceAuth.Client.Credentials.Internal;
using ServiceAuth.Client.Tests.Support;

namespace ServiceAuth.Client.Tests.Credentials;

/// <summary>Issue 9 item 2: a failed default-chain lookup is retried at a bounded rate, not cached until restart.</summary>
public sealed class DefaultChainCredentialsTests
{
    [Fact]
    public async Task ASourceThatAppearsAfterAFailedLookup_IsFoundOnALaterCall_AtMostOneLookupEvery5Seconds()
    {
        var time = new FakeTimeProvider();
        int lookups = 0;
        AWSCredentials? available = null;
        var chain = new DefaultChainCredentials(() =>
        {
            lookups++;
            return available ?? throw new InvalidOperationException("no profile");
        }, time);

        ServiceAuthException first = await Should.ThrowAsync<ServiceAuthException>(chain.GetCredentialsAsync);
        first.Message.ShouldContain("No AWS credentials were found by AWSSDK.Core's default chain");
        available = new BasicAWSCredentials("AKIDLATE", "late-secret");
        time.Advance(TimeSpan.FromSeconds(4));
        Should.Throw<ServiceAuthException>(chain.GetCredentials);
        lookups.ShouldBe(1);

        time.Advance(TimeSpan.FromSeconds(1));
        (await chain.GetCredentialsAsync()).AccessKey.ShouldBe("AKIDLATE");
        chain.GetCredentials().AccessKey.ShouldBe("AKIDLATE");
        lookups.ShouldBe(2);
    }
}
