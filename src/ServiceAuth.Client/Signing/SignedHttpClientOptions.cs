using Amazon.Runtime;
using ServiceAuth.Client.Credentials;
using ServiceAuth.Client.Signing;
using ServiceAuth.Client.Signing.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client;

/// <summary>
/// Options of one signed <see cref="HttpClient"/>: where it calls, what it signs for, and with which credentials.
/// Validated when the host starts; every default is listed in docs/configuration.md.
/// </summary>
public sealed class SignedHttpClientOptions
{
    /// <summary>Gets or sets the base address of the client, for example
    /// <c>https://abc123.execute-api.eu-west-1.amazonaws.com/prod/</c>.</summary>
    /// <value>The default value is <see langword="null"/>: requests must use absolute URIs, and
    /// <see cref="Region"/> and <see cref="Service"/> must be set.</value>
    public Uri? BaseAddress { get; set; }

    /// <summary>Gets or sets the region of the credential scope, for example <c>eu-west-1</c>.</summary>
    /// <value>The default value is <see langword="null"/>: inferred from <see cref="BaseAddress"/>
    /// (<c>*.execute-api.&lt;region&gt;.amazonaws.com</c>, <c>*.execute-api.&lt;region&gt;.vpce.amazonaws.com</c>,
    /// <c>*.lambda-url.&lt;region&gt;.on.aws</c>, <c>&lt;service&gt;.&lt;region&gt;.amazonaws.com</c>); else the
    /// <see cref="Amazon.RegionEndpoint"/> registered in DI (<c>AddAwsSdkDefaults</c> registers the AWS SDK's
    /// <c>AWSOptions.Region</c>); startup fails when there is none. A request may override it with
    /// <see cref="Signing.SigV4DelegatingHandler.RegionOptionKey"/>.</value>
    public string? Region { get; set; }

    /// <summary>Gets or sets the signing name of the service: <c>execute-api</c> for API Gateway, <c>lambda</c> for Lambda
    /// function URLs, <c>vpc-lattice-svcs</c> for VPC Lattice, <c>s3</c>, <c>sns</c> and so on.</summary>
    /// <value>The default value is <see langword="null"/>: inferred from <see cref="BaseAddress"/> like
    /// <see cref="Region"/>.</value>
    public string? Service { get; set; }

    /// <summary>Gets or sets the credentials to sign with, or the source credentials of <see cref="AssumeRole"/>. They are
    /// resolved on every request, so refreshing credentials are picked up.</summary>
    /// <value>The default value is <see langword="null"/>: the <see cref="AWSCredentials"/> registered in DI if there is one
    /// (as the AWS SDK's <c>AddAWSService</c> does; <c>AddAwsSdkDefaults</c> registers the one <c>AWSOptions</c>
    /// describes), else AWSSDK.Core's default credential chain (environment, profile, web identity, container, instance
    /// metadata), resolved on first use.</value>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>Gets or sets the role to assume through STS before signing; the client then signs with the role's
    /// temporary credentials, cached and refreshed ahead of expiry.</summary>
    /// <value>The default value is <see langword="null"/>: sign with <see cref="Credentials"/> directly.</value>
    public AssumeRoleOptions? AssumeRole { get; set; }

    /// <summary>Gets or sets the signature algorithm: <see cref="SignatureAlgorithm.SigV4a"/> for multi-region targets
    /// (S3 Multi-Region Access Points, EventBridge global endpoints, CloudFront KeyValueStore).</summary>
    /// <value>The default value is <see cref="SignatureAlgorithm.SigV4"/>.</value>
    public SignatureAlgorithm Algorithm { get; set; }

    /// <summary>Gets or sets the regions a <see cref="SignatureAlgorithm.SigV4a"/> signature is valid in (sent and signed as
    /// <c>X-Amz-Region-Set</c>): region names separated by commas, <c>*</c> for all, or a pattern such as <c>us-*</c>.
    /// Only allowed with <see cref="SignatureAlgorithm.SigV4a"/>.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="Region"/> (set or inferred).</value>
    public string? RegionSet { get; set; }

    /// <summary>Gets or sets how the body is signed.</summary>
    /// <value>The default value is <see cref="PayloadSigningMode.Sha256"/>.</value>
    public PayloadSigningMode PayloadSigning { get; set; }

    /// <summary>Gets or sets the largest body, in bytes, buffered in memory to be hashed when it is neither buffered nor
    /// seekable. A larger one fails with a <see cref="SigningException"/> before anything is sent.</summary>
    /// <value>The default value is 10,485,760 (10 MiB).</value>
    public long MaxBufferedPayloadBytes { get; set; } = SigV4Defaults.MaxBufferedPayloadBytes;

    /// <summary>Gets or sets a value indicating whether plain <c>http://</c> is allowed to hosts that are not loopback.</summary>
    /// <value>The default value is <see langword="false"/>: signed requests go over HTTPS, or to loopback.</value>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Gets or sets an API Gateway API key, sent as <c>x-api-key</c> (usage plans) and signed. Never logged.</summary>
    /// <value>The default value is <see langword="null"/>: no API key.</value>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets the id of a private API Gateway API reached through a VPC endpoint's own DNS name
    /// (<c>vpce-….execute-api.&lt;region&gt;.vpce.amazonaws.com</c>); sent as <c>x-apigw-api-id</c> and signed.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ApiGatewayApiId { get; set; }

    /// <summary>Gets the hosts, besides <see cref="BaseAddress"/>'s, that requests may be signed for (exact host names,
    /// compared without case, any port). Credentials go only to the hosts bound at startup: this list, plus the host of
    /// <see cref="BaseAddress"/> or of the HttpClient's own BaseAddress set with <c>ConfigureHttpClient</c>. A request to
    /// any other host fails with a <see cref="Signing.SigningException"/> before it is sent, so no signature, session
    /// token or API key reaches it. A client with no bound host signs nothing: a typed client that sets its BaseAddress
    /// in its constructor (which the handler cannot see) or calls absolute URIs names its hosts here.</summary>
    /// <value>The default value is an empty list: only the BaseAddress's host.</value>
    public IList<string> AdditionalSignedHosts { get; } = [];

    /// <inheritdoc />
    public override string ToString() =>
        $"SignedHttpClientOptions {{ BaseAddress = {BaseAddress}, Region = {Region}, Service = {Service}, Algorithm = {Algorithm}, RegionSet = {RegionSet}, AssumeRole = {AssumeRole?.RoleArn}, " +
        $"PayloadSigning = {PayloadSigning}, ApiKey = {(ApiKey is null ? "null" : "***")} }}";
}
