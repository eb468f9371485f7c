using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ServiceAuth.Client.IntegrationTests.Caching;

/// <summary>A throwaway <c>redis-server</c> on a free loopback port, without persistence; stopped on dispose.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>Gets the path of <c>redis-server</c> on the PATH, or null.</summary>
    public static string? Executable { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "redis-server"))
        .FirstOrDefault(File.Exists);

    public int Port { get; }

    /// <summary>Gets the configuration the code under test uses: short timeouts, so a stopped server is noticed fast.</summary>
    public string Configuration => $"127.0.0.1:{Port},connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000,abortConnect=false";

    /// <summary>Gets the configuration of a test's own connection that inspects the server (keys, dumps): long timeouts,
    /// so a loaded CI machine cannot fail the inspection itself (a 1-second SCAN timed out once).</summary>
    public string InspectionConfiguration => $"127.0.0.1:{Port},connectTimeout=15000,syncTimeout=15000,asyncTimeout=15000,abortConnect=false";

    public static async Task<RedisServer> StartAsync()
    {
        string executable = Executable ?? throw new InvalidOperationException("redis-server is not on the PATH and CI is set: install it (apt-get install -y redis-server; .ci/run does).");
        int port = FreePort();
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(arg);
        }

        Process process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new RedisServer(process, port);
            }
        }

        process.Kill();
        throw new InvalidOperationException($"redis-server exited before accepting connections on port {port}.");
    }

    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
