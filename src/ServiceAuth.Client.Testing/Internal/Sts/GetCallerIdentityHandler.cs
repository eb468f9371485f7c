using ServiceAuth.Client.Testing.Internal.Identity;
using ServiceAuth.Client.Testing.Internal.Protocol;

namespace ServiceAuth.Client.Testing.Internal.Sts;

/// <summary>STS <c>GetCallerIdentity</c>: who signed this request, in XML, or in JSON when the request accepts it.</summary>
internal static class GetCallerIdentityHandler
{
    public static WireResponse Handle(KeyRecord caller, string requestId, bool json) =>
        json
            ? AwsQueryJson.Success("GetCallerIdentity", [("Account", caller.AccountId), ("Arn", caller.CallerArn), ("UserId", caller.UserId)], requestId)
            : AwsQueryXml.Success(
                "GetCallerIdentity",
                AwsQueryXml.StsNamespace,
                $"    <Arn>{AwsQueryXml.Escape(caller.CallerArn)}</Arn>\n" +
                $"    <UserId>{AwsQueryXml.Escape(caller.UserId)}</UserId>\n" +
                $"    <Account>{caller.AccountId}</Account>\n",
                requestId);
}
