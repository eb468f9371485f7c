using ServiceAuth.Client.Signing.Internal.Client;

namespace ServiceAuth.Client.Signing.Internal;

/// <summary>
/// Headers that are never signed: hop-by-hop and transport-managed headers that intermediaries or
/// <see cref="System.Net.Http.SocketsHttpHandler"/> may add, drop or rewrite, plus headers that carry the signature
/// itself or are rewritten by tracing. Listed in docs/signing.md.
/// </summary>
internal static class UnsignedHeaders
{
    public static bool Contains(string name)
    {
        // Header names are ASCII tokens; compare case-insensitively without allocating.
        switch (name.Length)
        {
            case 2: return Is(name, "te");
            case 3: return Is(name, "via");
            case 6: return Is(name, "expect");
            case 7: return Is(name, "trailer") || Is(name, "upgrade");
            case 10: return Is(name, "connection") || Is(name, "keep-alive") || Is(name, "user-agent");
            case 13: return Is(name, "authorization");
            case 15: return Is(name, "x-amzn-trace-id") || Is(name, "x-forwarded-for");
            case 16: return Is(name, "proxy-connection") || Is(name, "x-forwarded-port");
            case 17: return Is(name, "transfer-encoding") || Is(name, "x-forwarded-proto");
            case 18: return Is(name, "proxy-authenticate");
            case 19: return Is(name, "proxy-authorization");
            default: return false;
        }
    }

    private static bool Is(string name, string lower) => string.Equals(name, lower, StringComparison.OrdinalIgnoreCase);
}
