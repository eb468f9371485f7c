using Amazon.SecurityToken;

namespace ServiceAuth.Client.Credentials.Internal;

/// <summary>One <c>ConfigureStsClient</c> delegate, registered as a singleton; applied to every STS client the
/// assume-role cache creates, before the library sets what it owns (region or endpoint, no SDK retries).</summary>
internal sealed class StsClientConfigurator(Action<AmazonSecurityTokenServiceConfig> configure)
{
    public void Configure(AmazonSecurityTokenServiceConfig config) => configure(config);
}
