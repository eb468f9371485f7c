using System.Diagnostics;

namespace ServiceAuth.Client.TestUtilities;

/// <summary>Runs a program (the dotnet CLI, a published app) to completion and returns its exit code and output.</summary>
public static class ExternalProcess
{
    /// <summary>Runs <paramref name="file"/> with telemetry off and both output streams captured.</summary>
    /// <param name="file">The program.</param>
    /// <param name="arguments">Its command line.</param>
    /// <param name="workingDirectory">The folder it runs in.</param>
    /// <param name="timeout">How long it may run before the wait is cancelled.</param>
    /// <returns>The exit code, and standard output followed by standard error.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
