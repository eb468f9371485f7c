using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServiceAuth.Client.AspNetCore.Tests.IdentityTokens.Adversarial;

/// <summary>A real STS stand-in on 127.0.0.1 (a bare socket, so it sees exactly the header lines on the wire): it records
/// each request's headers and answers GetCallerIdentity for an IAM user of account A.</summary>
internal sealed class LoopbackStsRecorder : IDisposable
{
    private const string Body = "{\"GetCallerIdentityResponse\":{\"GetCallerIdentityResult\":{\"Account\":\"111111111111\",\"Arn\":\"arn:aws:iam::111111111111:user/service-a\",\"UserId\":\"AIDAAAAAAAAAAAAAAAAA\"}}}";
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public LoopbackStsRecorder()
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = Task.Run(AcceptAsync);
    }

    public Uri Url { get; }

    /// <summary>Gets the header lines (<c>name: value</c>) of each request, in order.</summary>
    public List<string[]> Requests { get; } = [];

    public void Dispose() => _listener.Stop();

    private async Task AcceptAsync()
    {
        while (true)
        {
            using TcpClient client = await _listener.AcceptTcpClientAsync();
            NetworkStream stream = client.GetStream();
            var head = new StringBuilder();
            byte[] buffer = new byte[4096];
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                int read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    break;
                }

                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            string[] lines = head.ToString().Split("\r\n");
            lock (Requests)
            {
                Requests.Add([.. lines.Skip(1).TakeWhile(l => l.Length > 0)]);
            }

            byte[] body = Encoding.UTF8.GetBytes(Body);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"));
            await stream.WriteAsync(body);
        }
    }
}
