using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.Sns.Internal;

/// <summary>A parsed topic ARN: <c>arn:{partition}:sns:{region}:{account}:{name}</c>.</summary>
internal sealed class SnsTopicArn
{
    private SnsTopicArn(string value, string partition, string region, string account, string name)
    {
        Value = value;
        Partition = partition;
        Region = region;
        Account = account;
        Name = name;
    }

    public string Value { get; }

    public string Partition { get; }

    public string Region { get; }

    public string Account { get; }

    public string Name { get; }

    public bool IsFifo => Name.EndsWith(".fifo", StringComparison.Ordinal);

    /// <summary>The regional endpoint <c>https://sns.{region}.{partition DNS suffix}/</c>.</summary>
    public Uri DefaultServiceUrl => new($"https://sns.{Region}.{DnsSuffix(Partition)}/");

    /// <summary>The DNS suffix of each partition the parser accepts (AWS's partitions.json).</summary>
    internal static string DnsSuffix(string partition) => partition switch
    {
        "aws" or "aws-us-gov" => "amazonaws.com",
        "aws-cn" => "amazonaws.com.cn",
        "aws-iso" => "c2s.ic.gov",
        "aws-iso-b" => "sc2s.sgov.gov",
        "aws-iso-e" => "cloud.adc-e.uk",
        "aws-iso-f" => "csp.hci.ic.gov",
        "aws-eusc" => "amazonaws.eu",
        _ => throw new ArgumentOutOfRangeException(nameof(partition), partition, "Not an AWS partition."),
    };

    /// <summary>Parses the ARN, or says what is wrong with it.</summary>
    public static SnsTopicArn? TryParse(string? value, out string problem)
    {
        problem = string.Empty;
        string[] parts = value?.Split(':') ?? [];
        if (value is null || parts.Length != 6 || parts[0] != "arn" || parts[2] != "sns")
        {
            problem = "it must look like arn:aws:sns:<region>:<12-digit account>:<topic name>";
            return null;
        }

        if (parts[1] is not ("aws" or "aws-cn" or "aws-us-gov" or "aws-iso" or "aws-iso-b" or "aws-iso-e" or "aws-iso-f" or "aws-eusc"))
        {
            problem = $"partition '{parts[1]}' is not an AWS partition such as 'aws'";
        }
        else if (!AwsRegion.IsValid(parts[3]))
        {
            problem = $"region '{parts[3]}' is not an AWS region name such as 'eu-west-1'";
        }
        else if (parts[4].Length != 12 || !parts[4].All(char.IsAsciiDigit))
        {
            problem = $"account '{parts[4]}' is not a 12-digit AWS account id";
        }
        else if (!IsTopicName(parts[5]))
        {
            problem = $"topic name '{parts[5]}' must be 1 to 256 characters of [A-Za-z0-9_-], plus '.fifo' at the end for a FIFO topic";
        }

        return problem.Length == 0 ? new SnsTopicArn(value, parts[1], parts[3], parts[4], parts[5]) : null;
    }

    private static bool IsTopicName(string name)
    {
        string stem = name.EndsWith(".fifo", StringComparison.Ordinal) ? name[..^5] : name;
        return name.Length <= 256 && stem.Length > 0 && stem.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
    }
}
