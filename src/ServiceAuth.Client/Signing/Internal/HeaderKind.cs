using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>What header signing does with a request header it finds.</summary>
internal enum HeaderKind : byte
{
    /// <summary>Signed as it is.</summary>
    Signed,

    /// <summary>Never signed (<see cref="UnsignedHeaders"/>).</summary>
    Unsigned,

    /// <summary><c>Authorization</c>: unsigned, replaced by the signature.</summary>
    Authorization,

    /// <summary><c>X-Amz-Date</c>: replaced by the signing time.</summary>
    AmzDate,

    /// <summary><c>X-Amz-Security-Token</c>: replaced by the credentials' token, or removed.</summary>
    SecurityToken,

    /// <summary><c>X-Amz-Region-Set</c>: replaced by the SigV4a region set; signed as it is for SigV4.</summary>
    RegionSet,

    /// <summary><c>x-amz-content-sha256</c>: a caller's own is signed as it is.</summary>
    ContentSha256,

    /// <summary><c>Host</c>: signed as it is; the URI's host otherwise.</summary>
    Host,
}
