using System.Security.Cryptography;
using ServiceAuth.Client.Protocol.Internal;
using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// A derived signing key, its credential scope as bytes, and its HMAC-SHA256 set up once, so that signing does not set
/// up the HMAC key (an allocation of native state and two extra compressions) on every request: the key's pads hashed
/// once on OpenSSL (<see cref="OpenSslHmacSha256"/>) where that is available, else a few keyed instances of the
/// runtime's HMAC, reused. The instances live exactly as long as the key: <see cref="Retire"/> disposes them.
/// </summary>
internal sealed class SigningKey
{
    private static readonly int PoolSize = Math.Clamp(Environment.ProcessorCount, 2, 8);

    private readonly IncrementalHash?[] _hmacs = new IncrementalHash?[PoolSize];
    private readonly AuthorizationHeads _heads;
    private readonly OpenSslHmacSha256? _openSslHmac;
    private volatile bool _retired;
    private volatile TokenText? _token;

    public SigningKey(byte[] key, string scope)
    {
        Key = key;
        _heads = new AuthorizationHeads(scope);
        Scope = System.Text.Encoding.UTF8.GetBytes(scope);
        _openSslHmac = OpenSslSha256.IsAvailable ? new OpenSslHmacSha256(key) : null;
    }

    public byte[] Key { get; }

    /// <summary>Gets a value indicating whether the key has left its cache.</summary>
    public bool IsRetired => _retired;

    /// <summary>Gets <c>date/region/service/aws4_request</c> as UTF-8.</summary>
    public byte[] Scope { get; }

    /// <summary>Gets <c>AWS4-HMAC-SHA256 Credential=accessKey/scope, SignedHeaders=list, Signature=</c>, the fixed start
    /// of the <c>Authorization</c> values signed with this key (<see cref="AuthorizationHeads"/>).</summary>
    public string AuthorizationHead(string accessKey, ReadOnlySpan<byte> signedHeaders) => _heads.Get(accessKey, signedHeaders);

    /// <summary>Gets <paramref name="token"/> as its canonical header value (trimmed, inner whitespace collapsed, UTF-8),
    /// made once for the session token of the credentials this key was derived for, and dropped with the key.</summary>
    public byte[] CanonicalToken(string token)
    {
        // An equal token in another string instance (credentials rebuilt for each request) reuses the bytes too: a
        // comparison, not a new array on every signature.
        TokenText? cached = _token;
        if (cached is null || !(ReferenceEquals(cached.Token, token) || string.Equals(cached.Token, token, StringComparison.Ordinal)))
        {
            var builder = new ByteBuilder(token.Length + 16);
            try
            {
                HeaderValue.AppendTrimmed(ref builder, token);
                cached = new TokenText(token, builder.Written.ToArray());
            }
            finally
            {
                builder.Dispose();
            }

            if (!_retired)
            {
                _token = cached;
                if (_retired)
                {
                    _token = null;
                }
            }
        }

        return cached.Bytes;
    }

    /// <summary>Writes HMAC-SHA256(key, <paramref name="data"/>) to <paramref name="destination"/> (32 bytes).</summary>
    public void ComputeHmac(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (_openSslHmac is not null)
        {
            _openSslHmac.Compute(data, destination);
            return;
        }

        IncrementalHash hmac = Rent();

        // On an exception the instance is dropped rather than returned in an unknown state.
        hmac.AppendData(data);
        hmac.GetHashAndReset(destination);
        Return(hmac);
    }

    /// <summary>Disposes the pooled instances (an instance in use is disposed when it comes back). The key stays usable
    /// for a signature that picked it up just before it left the cache; it then pays for its own instance.</summary>
    public void Retire()
    {
        _retired = true;
        _token = null;
        Drain();
    }

    private IncrementalHash Rent()
    {
        IncrementalHash?[] hmacs = _hmacs;
        for (int i = 0; i < hmacs.Length; i++)
        {
            IncrementalHash? hmac = Interlocked.Exchange(ref hmacs[i], null);
            if (hmac is not null)
            {
                return hmac;
            }
        }

        return IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Key);
    }

    private void Return(IncrementalHash hmac)
    {
        IncrementalHash?[] hmacs = _hmacs;
        for (int i = 0; !_retired && i < hmacs.Length; i++)
        {
            if (Interlocked.CompareExchange(ref hmacs[i], hmac, null) is null)
            {
                if (_retired)
                {
                    Drain();
                }

                return;
            }
        }

        hmac.Dispose();
    }

    private void Drain()
    {
        for (int i = 0; i < _hmacs.Length; i++)
        {
            Interlocked.Exchange(ref _hmacs[i], null)?.Dispose();
        }
    }

    /// <summary>A token and its canonical bytes; a class rather than a record, so that no generated
    /// <c>ToString</c> can print the token.</summary>
    private sealed class TokenText(string token, byte[] bytes)
    {
        public string Token { get; } = token;

        public byte[] Bytes { get; } = bytes;
    }
}
