using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>Infers the signing region and service from an AWS host name.</summary>
internal static class AwsEndpoint
{
    /// <summary>Recognises <c>*.execute-api.&lt;region&gt;.amazonaws.com</c>, <c>*.execute-api.&lt;region&gt;.vpce.amazonaws.com</c>,
    /// <c>*.lambda-url.&lt;region&gt;.on.aws</c>, AppSync's <c>*.appsync-api.&lt;region&gt;.amazonaws.com</c> and
    /// <c>*.appsync-realtime-api.&lt;region&gt;.amazonaws.com</c> (service <c>appsync</c>), and
    /// <c>&lt;service&gt;[-fips][.dualstack].&lt;region&gt;.amazonaws.com[.cn]</c>, whose signing name comes from
    /// <see cref="SigningNames"/> (<c>bedrock-runtime</c> signs as <c>bedrock</c>).</summary>
    public static bool TryInfer(Uri? uri, out string region, out string service)
    {
        region = service = string.Empty;
        if (uri is not { IsAbsoluteUri: true })
        {
            return false;
        }

        string[] labels = uri.IdnHost.ToLowerInvariant().Split('.');
        int n = labels.Length;
        if (n >= 4 && labels[n - 2] == "on" && labels[n - 1] == "aws" && labels[n - 4] == "lambda-url")
        {
            return Set(labels[n - 3], "lambda", out region, out service);
        }

        int suffix = EndsWith(labels, "amazonaws", "com", "cn") ? 3 : EndsWith(labels, "amazonaws", "com") ? 2 : 0;
        if (suffix == 0)
        {
            return false;
        }

        int last = n - suffix - 1;
        if (last >= 2 && labels[last] == "vpce" && labels[last - 2] == "execute-api")
        {
            return Set(labels[last - 1], "execute-api", out region, out service);
        }

        if (last >= 1 && labels[last - 1] == "execute-api")
        {
            return Set(labels[last], "execute-api", out region, out service);
        }

        if (last >= 1 && labels[last - 1] is "appsync-api" or "appsync-realtime-api")
        {
            return Set(labels[last], "appsync", out region, out service);
        }

        if (last >= 1 && AwsRegion.IsValid(labels[last]))
        {
            return Set(labels[last], SigningNames.For(labels.AsSpan(0, last)), out region, out service);
        }

        return false;
    }

    private static bool EndsWith(string[] labels, params string[] suffix) =>
        labels.Length > suffix.Length && labels.AsSpan(labels.Length - suffix.Length).SequenceEqual(suffix);

    private static bool Set(string regionValue, string serviceValue, out string region, out string service)
    {
        region = regionValue;
        service = serviceValue;
        return AwsRegion.IsValid(regionValue);
    }
}
