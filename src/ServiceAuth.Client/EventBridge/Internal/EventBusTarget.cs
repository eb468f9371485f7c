using ServiceAuth.Client.Protocol.Internal;

namespace ServiceAuth.Client.EventBridge.Internal;

/// <summary>The <c>EventBusName</c> of a publisher: a bus name, or a bus ARN
/// <c>arn:{partition}:events:{region}:{account}:event-bus/{name}</c> (needed for another account's bus).</summary>
internal sealed class EventBusTarget
{
    private EventBusTarget(string value, string name, string? partition, string? region, string? account)
    {
        Value = value;
        Name = name;
        Partition = partition;
        Region = region;
        Account = account;
    }

    /// <summary>Gets the value sent as <c>EventBusName</c>: the name or ARN exactly as configured.</summary>
    public string Value { get; }

    public string Name { get; }

    public string? Partition { get; }

    public string? Region { get; }

    public string? Account { get; }

    public bool IsArn => Region is not null;

    /// <summary>The regional endpoint for a region: <c>https://events.{region}.amazonaws.com/</c>, <c>.com.cn</c> in China.</summary>
    public static Uri ServiceUrlFor(string region, string? partition) =>
        new(partition == "aws-cn" || region.StartsWith("cn-", StringComparison.Ordinal)
            ? $"https://events.{region}.amazonaws.com.cn/"
            : $"https://events.{region}.amazonaws.com/");

    /// <summary>Parses a bus name or ARN, or says what is wrong with it.</summary>
    public static EventBusTarget? TryParse(string? value, out string problem)
    {
        problem = string.Empty;
        if (string.IsNullOrEmpty(value))
        {
            problem = "it must be a bus name such as \"orders\" or a bus ARN such as \"arn:aws:events:eu-west-1:222233334444:event-bus/orders\"";
            return null;
        }

        if (!value.StartsWith("arn:", StringComparison.Ordinal))
        {
            problem = IsBusName(value) ? string.Empty : $"bus name '{value}' must be 1 to 256 characters of [A-Za-z0-9._/-]";
            return problem.Length == 0 ? new EventBusTarget(value, value, null, null, null) : null;
        }

        string[] parts = value.Split(':', 6);
        if (parts.Length != 6 || parts[2] != "events" || !parts[5].StartsWith("event-bus/", StringComparison.Ordinal))
        {
            problem = "a bus ARN must look like arn:aws:events:<region>:<12-digit account>:event-bus/<name>";
        }
        else if (parts[1] is not ("aws" or "aws-cn" or "aws-us-gov" or "aws-iso" or "aws-iso-b" or "aws-iso-e" or "aws-iso-f" or "aws-eusc"))
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
        else if (!IsBusName(parts[5]["event-bus/".Length..]) || value.Length > 1600)
        {
            problem = $"bus name '{parts[5]["event-bus/".Length..]}' must be 1 to 256 characters of [A-Za-z0-9._/-]";
        }

        return problem.Length == 0 ? new EventBusTarget(value, parts[5]["event-bus/".Length..], parts[1], parts[3], parts[4]) : null;
    }

    private static bool IsBusName(string name) =>
        name.Length is >= 1 and <= 256 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/');
}
