using System.Diagnostics;

namespace Rator.Bench;

/// <summary>The suite run exactly as a user runs it: run-tests.ps1 through the repository's pwsh tool.</summary>
public sealed record SuiteInvocation(string Repo, int Workers, int LatencyMs, string ReportDir)
{
    public sealed record Outcome(int ExitCode, TimeSpan Wall, SuiteReport Report);

    public async Task<Outcome> RunAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "pwsh", "-NoProfile", "-File", Path.Combine(Repo, "run-tests.ps1"), "-NoBuild",
                     "-Parallel", Workers.ToString(), "-ReportDir", ReportDir })
            start.ArgumentList.Add(argument);
        start.Environment["RATOR_SANDBOX_LATENCY_MS"] = LatencyMs.ToString();
        // The default environment: a RATOR_ENVIRONMENT left in the caller's shell must not redirect the benchmark.
        start.Environment.Remove("RATOR_ENVIRONMENT");

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        await File.WriteAllTextAsync(ReportDir + ".log", await output + await errors);
        if (!File.Exists(Path.Combine(ReportDir, "run", "scenarios.ndjson")))
            throw new InvalidOperationException($"The suite run ({Workers} workers, {LatencyMs} ms) left no run log; exit {process.ExitCode}, see {ReportDir}.log");
        return new Outcome(process.ExitCode, watch.Elapsed, SuiteReport.Read(ReportDir));
    }
}
