using System.Text.RegularExpressions;

namespace ServiceAuth.Client.IntegrationTests.Aot;

/// <summary>
/// Publishes tests/ServiceAuth.Client.AotSmoke with Native AOT (<c>PublishAot</c>; the SDK restores the ILCompiler
/// package matching its runtime) and runs the native executable: signing, DI, retries, presigning and SNS with
/// source-generated JSON must all work as native code, and the publish must report no trim (IL2xxx) or AOT (IL3xxx)
/// warning. One publish per run (about a minute on an idle two-core machine, five under load) keeps CI's time in bounds.
/// </summary>
public sealed partial class NativeAotSmokeTests
{
    [Fact]
    public async Task AotSmoke_PublishedNativeAot_ZeroWarnings_RunsEveryPath()
    {
        string root = RepositoryLocation.Root;
        // A fresh native intermediate folder: the AOT compiler always runs (a second local run would otherwise find its
        // output up to date, print no warning and no "Generating native code").
        string output = Path.Combine(Path.GetTempPath(), "serviceauth-aotsmoke-" + Guid.NewGuid().ToString("N"));
        try
        {
            (int publishExit, string publishLog) = await ExternalProcess.RunAsync("dotnet", $"publish tests/ServiceAuth.Client.AotSmoke -c Release -o \"{output}\" -p:NativeIntermediateOutputPath=\"{Path.Combine(output, "native-obj")}/\" -nodeReuse:false -p:UseSharedCompilation=false", root, TimeSpan.FromMinutes(12));
            publishExit.ShouldBe(0, publishLog);
            publishLog.ShouldContain("Generating native code");
            TrimOrAotWarning().Matches(publishLog).Select(m => m.Value).ShouldBeEmpty();
            File.Exists(Path.Combine(output, "ServiceAuth.Client.dll")).ShouldBeFalse("a Native AOT publish ships no IL assemblies");

            string executable = Path.Combine(output, OperatingSystem.IsWindows() ? "ServiceAuth.Client.AotSmoke.exe" : "ServiceAuth.Client.AotSmoke");
            (int runExit, string runLog) = await ExternalProcess.RunAsync(executable, string.Empty, root, TimeSpan.FromMinutes(1));

            runExit.ShouldBe(0, runLog);
            runLog.ShouldContain("ServiceAuth.Client Native AOT smoke test: ok");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [GeneratedRegex(@"warning IL\d{4}[^\r\n]*", RegexOptions.IgnoreCase)]
    private static partial Regex TrimOrAotWarning();
}
