namespace ServiceAuth.Client.IntegrationTests.Testing;

/// <summary>Which signer a <see cref="SignedSender"/> uses; neither shares code with the endpoint's verifier.</summary>
internal enum SignerKind
{
    /// <summary>AWSSDK.Core's standalone <c>Amazon.Runtime.Signing.AWSSigV4Signer</c>.</summary>
    AwsSdk,

    /// <summary>ServiceAuth.Client's <c>SigV4Signer</c>.</summary>
    ServiceAuth,
}
