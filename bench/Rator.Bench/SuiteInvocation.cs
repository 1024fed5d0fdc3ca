using System.Diagnostics;

namespace Rator.Bench;

/// <summary>The suite run exactly as a user runs it: run-tests.ps1 through the repository's pwsh tool.</summary>
public sealed partial record SuiteInvocation(string Repo, int? Workers, int LatencyMs, string ReportDir)
{
    /// <summary>The run's exit code, wall time, report, and the workers run-tests.ps1 said it used.</summary>
    public sealed record Outcome(int ExitCode, TimeSpan Wall, SuiteReport Report, int? Workers);

    public async Task<Outcome> RunAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "pwsh", "-NoProfile", "-File", Path.Combine(Repo, "run-tests.ps1"), "-NoBuild", "-ReportDir", ReportDir })
            start.ArgumentList.Add(argument);
        if (Workers is { } workers)
        {
            start.ArgumentList.Add("-Parallel");
            start.ArgumentList.Add(workers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        start.Environment["RATOR_SANDBOX_LATENCY_MS"] = LatencyMs.ToString();
        // The default environment: a RATOR_ENVIRONMENT left in the caller's shell must not redirect the benchmark.
        start.Environment.Remove("RATOR_ENVIRONMENT");

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        var log = await output + await errors;
        await File.WriteAllTextAsync(ReportDir + ".log", log);
        if (!File.Exists(Path.Combine(ReportDir, "run", "scenarios.ndjson")))
            throw new InvalidOperationException($"The suite run ({Workers} workers, {LatencyMs} ms) left no run log; exit {process.ExitCode}, see {ReportDir}.log");
        var used = WorkersLine().Match(log) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : Workers;
        return new Outcome(process.ExitCode, watch.Elapsed, SuiteReport.Read(ReportDir), used);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"with (\d+) workers")]
    private static partial System.Text.RegularExpressions.Regex WorkersLine();
}
