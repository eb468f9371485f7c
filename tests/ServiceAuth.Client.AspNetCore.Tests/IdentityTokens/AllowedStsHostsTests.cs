using ServiceAuth.Client.AspNetCore.IdentityTokens.Internal;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens;

/// <summary>The fixed list of regional STS hosts, per partition: exact names only, nothing from a token.</summary>
public sealed class AllowedStsHostsTests
{
    [Theory]
    [InlineData("aws", "sts.eu-west-1.amazonaws.com", "eu-west-1")]
    [InlineData("aws-cn", "sts.cn-north-1.amazonaws.com.cn", "cn-north-1")]
    [InlineData("aws-cn", "sts.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1")]
    [InlineData("aws-us-gov", "sts.us-gov-west-1.amazonaws.com", "us-gov-west-1")]
    public void Partition_ListsItsRegionalEndpoints(string partition, string host, string region)
    {
        var hosts = new AllowedStsHosts([partition], []);

        hosts.RegionOf(host).ShouldBe(region);
    }

    [Theory]
    [InlineData("sts.cn-north-1.amazonaws.com")]
    [InlineData("sts.us-gov-west-1.amazonaws.com")]
    [InlineData("sts.amazonaws.com")]
    [InlineData("sts.eu-west-1.amazonaws.com.cn")]
    [InlineData("sts-fips.us-east-1.amazonaws.com")]
    [InlineData("sts.eu-west-1.amazonaws.com.")]
    [InlineData("STS.eu-west-1.amazonaws.com")]
    public void AwsPartitionOnly_OtherPartitionsGlobalFipsAndVariants_AreNotListed(string host)
    {
        var hosts = new AllowedStsHosts(["aws"], []);

        hosts.RegionOf(host).ShouldBeNull();
    }

    [Fact]
    public void Regions_NarrowTheListToThoseRegions()
    {
        var hosts = new AllowedStsHosts(["aws", "aws-cn"], ["eu-west-1", "cn-north-1"]);

        hosts.Count.ShouldBe(2);
        hosts.RegionOf("sts.eu-west-1.amazonaws.com").ShouldBe("eu-west-1");
        hosts.RegionOf("sts.cn-north-1.amazonaws.com.cn").ShouldBe("cn-north-1");
        hosts.RegionOf("sts.us-east-1.amazonaws.com").ShouldBeNull();
    }
}
