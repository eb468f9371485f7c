using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>The intermediate strings of one signature, captured only when a test asks for them (never logged).</summary>
internal sealed class SigningTrace
{
    public string CanonicalRequest { get; set; } = string.Empty;

    public string StringToSign { get; set; } = string.Empty;

    public string Signature { get; set; } = string.Empty;
}
