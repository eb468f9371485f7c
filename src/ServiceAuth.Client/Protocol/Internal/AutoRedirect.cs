namespace ServiceAuth.Client.Protocol.Internal;

/// <summary>Turns automatic redirects off on an HttpClient's primary handler (looked for through delegating wrappers),
/// so a request that carries a secret is never re-sent by the handler to the place a redirect names.</summary>
internal static class AutoRedirect
{
    /// <summary>Returns <see langword="true"/> when redirects are off now, <see langword="false"/> when the handler follows
    /// them and could not be changed (shared, already used), <see langword="null"/> when the handler is of a type this
    /// does not know.</summary>
    public static bool? TurnOff(HttpMessageHandler primary)
    {
        HttpMessageHandler handler = primary;
        while (handler is DelegatingHandler { InnerHandler: { } inner })
        {
            handler = inner;
        }

        try
        {
            switch (handler)
            {
                case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                    sockets.AllowAutoRedirect = false;
                    return true;
                case HttpClientHandler { AllowAutoRedirect: true } classic:
                    classic.AllowAutoRedirect = false;
                    return true;
                case SocketsHttpHandler or HttpClientHandler:
                    return true;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
