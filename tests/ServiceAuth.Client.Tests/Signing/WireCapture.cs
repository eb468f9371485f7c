using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServiceAuth.Client.Tests.Signing;

/// <summary>
/// A one-request HTTP/1.1 server on loopback that records the raw request head and body as SocketsHttpHandler wrote
/// them, so tests can compare what was signed with what went on the wire.
/// </summary>
internal sealed class WireCapture : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public WireCapture() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Sends the request with a plain SocketsHttpHandler and returns the header lines and body it wrote.</summary>
    public async Task<(List<KeyValuePair<string, string>> Headers, byte[] Body)> SendAsync(HttpRequestMessage request)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
        Task<HttpResponseMessage> send = client.SendAsync(request);
        using TcpClient connection = await _listener.AcceptTcpClientAsync();
        NetworkStream stream = connection.GetStream();
        var received = new MemoryStream();
        var buffer = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(received)) < 0)
        {
            int read = await stream.ReadAsync(buffer);
            read.ShouldBeGreaterThan(0, "the connection closed before the request head ended");
            received.Write(buffer, 0, read);
        }

        string head = Encoding.Latin1.GetString(received.GetBuffer(), 0, headEnd);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (string line in head.Split("\r\n").Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        int length = headers.Where(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(h => int.Parse(h.Value, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        while (received.Length < headEnd + 4 + length)
        {
            int read = await stream.ReadAsync(buffer);
            read.ShouldBeGreaterThan(0);
            received.Write(buffer, 0, read);
        }

        byte[] body = received.GetBuffer().AsSpan(headEnd + 4, length).ToArray();
        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
        using HttpResponseMessage response = await send;
        return (headers, body);
    }

    public void Dispose() => _listener.Stop();

    private static int IndexOfHeadEnd(MemoryStream received) =>
        received.GetBuffer().AsSpan(0, (int)received.Length).IndexOf("\r\n\r\n"u8);
}
