using System.Security.Cryptography;

namespace ServiceAuth.Client.Testing.Internal.Cognito;

/// <summary>A pool's published keys: the current signing key first, then the previous ones still in the JWKS.</summary>
internal sealed class SigningKeys
{
    private readonly object _gate = new();
    private List<SigningKey> _published;

    public SigningKeys() => _published = [New()];

    public SigningKey Current
    {
        get
        {
            lock (_gate)
            {
                return _published[0];
            }
        }
    }

    public IReadOnlyList<SigningKey> Published
    {
        get
        {
            lock (_gate)
            {
                return [.. _published];
            }
        }
    }

    public string Rotate(bool retirePrevious)
    {
        SigningKey key = New();
        lock (_gate)
        {
            _published = retirePrevious ? [key] : [key, .. _published];
        }

        return key.KeyId;
    }

    public SigningKey? Find(string keyId)
    {
        lock (_gate)
        {
            return _published.Find(k => k.KeyId == keyId);
        }
    }

    private static SigningKey New() => new(CognitoIds.KeyId(), RSA.Create(2048));
}
