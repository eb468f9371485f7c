using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// The signing name of endpoints whose host prefix is not it: a small table of the services a signed HttpClient is
/// likely to call (AWS's endpoint metadata holds the full list). Anything else signs with the host's prefix.
/// </summary>
internal static class SigningNames
{
    /// <summary>The longest signing name accepted; AWS's are far shorter (a DNS label has at most 63 characters).</summary>
    public const int MaxLength = 63;

    private static readonly Dictionary<string, string> ByPrefix = new(StringComparer.Ordinal)
    {
        ["bedrock-runtime"] = "bedrock",
        ["bedrock-agent-runtime"] = "bedrock",
        ["bedrock-agent"] = "bedrock",
        ["email"] = "ses",
        ["s3-accesspoint"] = "s3",
        ["s3-control"] = "s3",
        ["s3-object-lambda"] = "s3-object-lambda",
        ["runtime.sagemaker"] = "sagemaker",
        ["runtime-v2-lex"] = "lex",
        ["runtime.lex"] = "lex",
        ["streams.dynamodb"] = "dynamodb",
        ["data-ats.iot"] = "iotdata",
        ["api.ecr"] = "ecr",
    };

    /// <summary>The signing name for the labels before the region, for example <c>bedrock-runtime</c> → <c>bedrock</c>,
    /// <c>s3.dualstack</c> → <c>s3</c>, <c>ap-1-111122223333.s3-accesspoint</c> → <c>s3</c>.</summary>
    public static string For(ReadOnlySpan<string> labels)
    {
        if (labels.Length >= 2 && labels[^1] == "dualstack")
        {
            labels = labels[..^1];
        }

        string last = labels[^1];
        if (last.EndsWith("-fips", StringComparison.Ordinal))
        {
            last = last[..^5];
        }

        if (labels.Length >= 2 && ByPrefix.TryGetValue($"{labels[^2]}.{last}", out string? twoLabels))
        {
            return twoLabels;
        }

        return ByPrefix.TryGetValue(last, out string? name) ? name : last;
    }
}
