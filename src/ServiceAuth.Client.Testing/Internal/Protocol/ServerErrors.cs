namespace ServiceAuth.Client.Testing.Internal.Protocol;

/// <summary>The 5xx answers of the <c>FailNextRequests</c> fault, in the style of the service that was called.</summary>
internal static class ServerErrors
{
    public static WireResponse Create(int status, bool awsQuery, string xmlNamespace, string requestId)
    {
        if (awsQuery)
        {
            bool sts = xmlNamespace == AwsQueryXml.StsNamespace;
            return status == 503
                ? AwsQueryXml.Error(503, xmlNamespace, "ServiceUnavailable", "Service Unavailable", requestId)
                : AwsQueryXml.Error(status, xmlNamespace, sts ? "InternalFailure" : "InternalError", sts ? "An internal error has occurred" : "Internal Error", requestId);
        }

        return status switch
        {
            503 => ApiGatewayJson.Error(503, "ServiceUnavailableException", "Service Unavailable"),
            504 => ApiGatewayJson.Error(504, "InternalServerErrorException", "Endpoint request timed out"),
            _ => ApiGatewayJson.Error(status, "InternalServerErrorException", "Internal server error"),
        };
    }
}
