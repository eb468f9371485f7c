using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.IdentityTokens.Internal;

/// <summary>
/// The AWS partitions, their regions and the DNS suffix of their regional STS endpoints
/// (<c>sts.&lt;region&gt;.&lt;suffix&gt;</c>). Shared as source by the caller (ServiceAuth.Client) and the verifier
/// (ServiceAuth.Client.AspNetCore), so both name the same hosts.
/// </summary>
internal static class StsPartitions
{
    public const string Aws = "aws";
    public const string China = "aws-cn";
    public const string GovCloud = "aws-us-gov";

    private static readonly string[] AwsRegions =
    [
        "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
        "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1",
        "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1",
        "us-east-2", "us-west-1", "us-west-2",
    ];

    private static readonly string[] ChinaRegions = ["cn-north-1", "cn-northwest-1"];

    private static readonly string[] GovCloudRegions = ["us-gov-east-1", "us-gov-west-1"];

    public static IReadOnlyList<string> Names { get; } = [Aws, China, GovCloud];

    /// <summary>The built-in regions of a partition, or an empty list for an unknown partition.</summary>
    public static IReadOnlyList<string> Regions(string partition) => partition switch
    {
        Aws => AwsRegions,
        China => ChinaRegions,
        GovCloud => GovCloudRegions,
        _ => [],
    };

    /// <summary>Whether <paramref name="region"/> is spelled like an AWS region (<c>eu-west-1</c>, <c>us-gov-west-1</c>).</summary>
    public static bool IsRegionName(string? region) => region is not null && AwsRegion.IsValid(region);

    /// <summary>The partition a region name belongs to.</summary>
    public static string PartitionOf(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? China
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? GovCloud
        : Aws;

    /// <summary>The regional STS host of <paramref name="region"/>, for example <c>sts.eu-west-1.amazonaws.com</c>.</summary>
    public static string Host(string region) =>
        PartitionOf(region) == China ? $"sts.{region}.amazonaws.com.cn" : $"sts.{region}.amazonaws.com";
}
