using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>The key caches of one signer: HMAC keys for SigV4, ECDSA keys for SigV4a.</summary>
internal sealed class SigningKeys(SigningKeyCache sigV4, SigV4aKeyCache sigV4a)
{
    public SigningKeyCache SigV4 { get; } = sigV4;

    public SigV4aKeyCache SigV4a { get; } = sigV4a;
}
