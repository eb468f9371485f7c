using Amazon.Runtime;
using ServiceAuth.Client.Credentials;

namespace ServiceAuth.Client.IdentityTokens;

/// <summary>
/// Options of a client that proves its AWS identity to a callee with IAM identity tokens (docs/identity-tokens.md).
/// Validated when the host starts.
/// </summary>
public sealed class IamIdentityTokenOptions
{
    /// <summary>Gets or sets the audience: the name of the callee, which it checks against its own configuration. Required;
    /// 1 to 128 characters of letters, digits and <c>.-_~:/</c>, for example <c>orders</c> or <c>https://orders.internal</c>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Audience { get; set; }

    /// <summary>Gets or sets the region of the STS endpoint the token names, for example <c>eu-west-1</c>; the callee
    /// calls that regional endpoint, so pick the callee's region. It must be a region the callee allows.</summary>
    /// <value>The default value is <see langword="null"/>: the <c>AWS_REGION</c> environment variable, then
    /// <c>AWS_DEFAULT_REGION</c>; startup fails when neither is set.</value>
    public string? StsRegion { get; set; }

    /// <summary>Gets or sets the credentials to sign with, or the source credentials of <see cref="AssumeRole"/>.</summary>
    /// <value>The default value is <see langword="null"/>: AWSSDK.Core's default credential chain, resolved on first use.</value>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>Gets or sets the role to assume first; the token then proves the role session. The assumed-role credentials
    /// come from the container's shared assume-role cache, as for signed clients.</summary>
    /// <value>The default value is <see langword="null"/>: the token proves <see cref="Credentials"/>' identity.</value>
    public AssumeRoleOptions? AssumeRole { get; set; }

    /// <summary>Gets or sets how long a minted token is reused. STS accepts it for 15 minutes; a short reuse leaves the
    /// callee most of that window. From zero (mint for every request) to 5 minutes.</summary>
    /// <value>The default value is 1 minute.</value>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets a value indicating whether a token may be sent over plain <c>http://</c> to a host that is not
    /// loopback. A token is a bearer credential for 15 minutes.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Gets the hosts, besides the host of the client's <see cref="HttpClient.BaseAddress"/> (set with
    /// <c>ConfigureHttpClient</c>), that may receive a token. A request to any other host fails before it is sent, so that
    /// no token (a bearer credential for 15 minutes) reaches a host that could replay it. A client with no bound host
    /// sends no token: a typed client that sets its BaseAddress in its constructor (which the handler cannot see) names
    /// its hosts here.</summary>
    /// <value>The default value is empty: only the BaseAddress's host.</value>
    public IList<string> AdditionalHosts { get; } = [];

    /// <inheritdoc />
    public override string ToString() =>
        $"IamIdentityTokenOptions {{ Audience = {Audience}, StsRegion = {StsRegion}, AssumeRole = {AssumeRole?.RoleArn}, CacheDuration = {CacheDuration} }}";
}
