using System.Diagnostics;

namespace ServiceAuth.Client.IntegrationTests.Aot;

/// <summary>
/// Publishes tests/ServiceAuth.Client.AotSmoke trimmed and self-contained (the trimmer and the AOT analyzers turn any
/// unsafe pattern into a build error) and runs it: signing, DI, retries, presigning and SNS with source-generated JSON
/// must all work after trimming. Native AOT compilation itself needs the ILCompiler package, which this environment's
/// NuGet feed does not serve (see docs/performance.md).
/// </summary>
public sealed class TrimmedSmokeTests
{
    [Fact]
    public async Task AotSmoke_PublishedTrimmed_RunsEveryPath()
    {
        string root = RepositoryRoot();
        string output = Path.Combine(Path.GetTempPath(), "serviceauth-aotsmoke-" + Guid.NewGuid().ToString("N"));
        try
        {
            (int publishExit, string publishLog) = await RunAsync("dotnet", $"publish tests/ServiceAuth.Client.AotSmoke -c Release -o \"{output}\" -nodeReuse:false -p:UseSharedCompilation=false", root);
            publishExit.ShouldBe(0, publishLog);
            publishLog.ShouldNotContain("warning IL", Case.Insensitive);

            (int runExit, string runLog) = await RunAsync(Path.Combine(output, "ServiceAuth.Client.AotSmoke"), string.Empty, root);

            runExit.ShouldBe(0, runLog);
            runLog.ShouldContain("ServiceAuth.Client trimmed smoke test: ok");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, string workingDirectory)
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServiceAuth.Client.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ServiceAuth.Client.sln not found above " + AppContext.BaseDirectory);
    }
}
