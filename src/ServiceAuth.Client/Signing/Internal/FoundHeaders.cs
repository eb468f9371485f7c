using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>Which of the headers header signing replaces a request already carries, and whether with the very string
/// it is about to set.</summary>
[Flags]
internal enum FoundHeaders
{
    None = 0,
    Authorization = 1,
    AmzDate = 2,
    AmzDateSame = 4,
    SecurityToken = 8,
    SecurityTokenSame = 16,
    RegionSet = 32,
    RegionSetSame = 64,
    ContentSha256 = 128,
}
