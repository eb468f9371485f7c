namespace ServiceAuth.Client.Testing.Internal;

/// <summary>Which header carries an answer's request id, as the AWS service that answers names it.</summary>
internal enum RequestIdStyle
{
    /// <summary><c>x-amzn-RequestId</c> with a UUID: STS, SNS, EventBridge, AppSync and REST APIs.</summary>
    Aws,

    /// <summary><c>apigw-requestid</c> with API Gateway HTTP API's 16-character id (for example
    /// <c>WSg1ihmdliAEJXA=</c>) and no <c>x-amzn-RequestId</c>.</summary>
    HttpApi,

    /// <summary><c>x-amz-cognito-request-id</c> with a UUID: the token endpoint of a Cognito domain.</summary>
    Cognito,
}
