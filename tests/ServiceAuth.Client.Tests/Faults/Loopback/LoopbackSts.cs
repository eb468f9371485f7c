using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServiceAuth.Client.Tests.Faults.Loopback;

/// <summary>
/// A real STS on 127.0.0.1 and a free port (HttpListener), answering AssumeRole in the awsQuery wire format. Each call is
/// answered by <see cref="Behavior"/> with the call's number (1-based); by default, credentials valid for
/// <see cref="Lifetime"/> from the fake clock's now. The AWS SDK's STS client reaches it through the public
/// <c>ConfigureStsClient</c> hook (<c>ServiceURL</c>).
/// </summary>
public sealed class LoopbackSts : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly FakeTimeProvider _time;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;
    private int _inFlight;
    private long _lastCallAt;

    public LoopbackSts(FakeTimeProvider time)
    {
        _time = time;
        Behavior = n => Task.FromResult(Success(n));
        int port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.AbsoluteUri);
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public Uri Url { get; }

    public Func<int, Task<(HttpStatusCode Status, string Xml)>> Behavior { get; set; }

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Whether a request is being answered now.</summary>
    public bool Idle => Volatile.Read(ref _inFlight) == 0;

    /// <summary>The fake clock's time when the last AssumeRole call arrived.</summary>
    public DateTimeOffset LastCallAt => new(Interlocked.Read(ref _lastCallAt), TimeSpan.Zero);

    /// <summary>Completes when the server is disposed: a hung answer awaits it.</summary>
    public Task Stopped => _stopped.Task;

    public (HttpStatusCode, string) Success(int call) => (HttpStatusCode.OK, $"""
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <Credentials>
              <AccessKeyId>ASIA{call:D16}</AccessKeyId>
              <SecretAccessKey>loopback-secret-{call}</SecretAccessKey>
              <SessionToken>loopback-token-{call}</SessionToken>
              <Expiration>{(_time.GetUtcNow() + Lifetime).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}</Expiration>
            </Credentials>
            <AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:orders-api</AssumedRoleId><Arn>arn:aws:sts::222233334444:assumed-role/orders-caller/orders-api</Arn></AssumedRoleUser>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>req-{call}</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """);

    public static (HttpStatusCode, string) Error(string code, HttpStatusCode status = HttpStatusCode.BadRequest) => (status,
        $"""<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>{code}</Code><Message>{code} message</Message></Error><RequestId>req-error</RequestId></ErrorResponse>""");

    public void Dispose()
    {
        _stopped.TrySetResult();
        _listener.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync();
            int call = body.Contains("Action=AssumeRole", StringComparison.Ordinal) ? Interlocked.Increment(ref _calls) : 0;
            Interlocked.Exchange(ref _lastCallAt, _time.GetUtcNow().UtcTicks);
            (HttpStatusCode status, string xml) = call == 0 ? Error("InvalidAction") : await Behavior(call);
            byte[] bytes = Encoding.UTF8.GetBytes(xml);
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "text/xml";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException or InvalidOperationException)
        {
            // The server stopped, or the client went away (a cancelled or timed-out attempt).
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
