using System.Globalization;

namespace Rator.Bench;

/// <summary>The suite run exactly as a user runs it: run-tests.ps1 through the repository's pwsh tool.</summary>
public sealed partial record SuiteInvocation(string Repo, int? Workers, int LatencyMs, string ReportDir)
{
    /// <summary>The run's exit code, wall time, report, and the workers run-tests.ps1 said it used.</summary>
    public sealed record Outcome(int ExitCode, TimeSpan Wall, SuiteReport Report, int? Workers);

    public async Task<Outcome> RunAsync()
    {
        List<string> arguments = ["pwsh", "-NoProfile", "-File", Path.Combine(Repo, "run-tests.ps1"), "-NoBuild", "-ReportDir", ReportDir];
        if (Workers is { } workers)
            arguments.AddRange(["-Parallel", workers.ToString(CultureInfo.InvariantCulture)]);
        var environment = new Dictionary<string, string?>
        {
            ["RATOR_SANDBOX_LATENCY_MS"] = LatencyMs.ToString(CultureInfo.InvariantCulture),
            // The default environment: a RATOR_ENVIRONMENT left in the caller's shell must not redirect the benchmark.
            ["RATOR_ENVIRONMENT"] = null,
        };

        var run = await DotnetProcess.RunAsync(arguments, environment, ReportDir + ".log", Repo);
        if (!File.Exists(Path.Combine(ReportDir, "run", "scenarios.ndjson")))
            throw new InvalidOperationException($"The suite run ({Workers} workers, {LatencyMs} ms) left no run log; exit {run.ExitCode}, see {ReportDir}.log");
        var used = WorkersLine().Match(run.Log) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : Workers;
        return new Outcome(run.ExitCode, run.Wall, SuiteReport.Read(ReportDir), used);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"with (\d+) workers")]
    private static partial System.Text.RegularExpressions.Regex WorkersLine();
}
