namespace Rator.Bench;

/// <summary>
/// The suite in steady state: one test process runs every scenario twice, with one worker — first a warm-up pass
/// (the features as built), then the measured pass (the same features copied under Features/~measured/). The
/// first pass pays for the JIT, the first connections and every other first time, as the raw baseline's own
/// warm-up does; the second pass is what each further exchange costs. The copy lives in the output folder, so
/// the build itself is left as it is.
/// </summary>
public static class WarmRun
{
    public const string MeasuredFolder = "Features/~measured/";

    public static bool IsMeasured(string featureFile) => featureFile.StartsWith(MeasuredFolder, StringComparison.Ordinal);

    /// <summary>Runs the doubled suite; returns its report folder (run/scenarios.ndjson holds both passes).</summary>
    public static async Task<string> RunAsync(string repo, int latencyMs, string output)
    {
        var build = Path.Combine(repo, "bin", "Release", "net10.0");
        var copy = Path.Combine(output, "warm-build");
        var reportDir = Path.Combine(output, "warm");
        foreach (var dir in new[] { copy, reportDir })
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        CopyFolder(build, copy);
        CopyFolder(Path.Combine(build, "Features"), Path.Combine(copy, MeasuredFolder));

        var environment = new Dictionary<string, string?>
        {
            ["RATOR_REPORT_DIR"] = reportDir,
            ["RATOR_ENVIRONMENT"] = Path.Combine(repo, "environments", "local.json"),
            ["RATOR_SANDBOX_LATENCY_MS"] = latencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // As run-tests.ps1 runs the suite.
            ["DOTNET_TieredPGO"] = "0",
        };
        var run = await DotnetProcess.RunAsync(
            ["test", Path.Combine(copy, "Rator.Contract.Tests.dll"), "--nologo", "--", "NUnit.NumberOfTestWorkers=1"], environment, reportDir + ".log");
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"The warm run failed (exit {run.ExitCode}), see {reportDir}.log");
        Directory.Delete(copy, recursive: true);
        return reportDir;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
