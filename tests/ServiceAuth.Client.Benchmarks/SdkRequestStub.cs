using Amazon.Runtime;

namespace ServiceAuth.Client.Benchmarks;

/// <summary>The service request a <c>DefaultRequest</c> needs to exist; the signer never looks at it.</summary>
internal sealed class SdkRequestStub : AmazonWebServiceRequest
{
}
