using Rator.Contract.Tests.Support.Compliance;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// After the test process has ended (so that the TRX and JUnit files exist too): turns the run's raw
/// results into summary.json, the compliance matrix, allure-results and the manifest, scans every
/// artifact for secrets, prints the console summary and decides the exit code.
/// </summary>
public sealed class RunFinisher(RequirementCatalogue catalogue, TextWriter console)
{
    public sealed record Inputs(
        string ReportDirectory,
        string Environment,
        string? Selection,
        IReadOnlyList<(string Name, string Value)> Secrets,
        IReadOnlySet<string>? Coverage = null);

    /// <summary>What the test run left: read once per command.</summary>
    private sealed record LoadedRun(string Dir, RunStatus? Status, IReadOnlyList<ScenarioResult> Results, int ExitCode, ComplianceMatrix Matrix);

    public int Finish(Inputs inputs)
    {
        var run = Load(inputs);
        Report(inputs, run);
        return Seal(inputs, run);
    }

    /// <summary>The reports built from the results: summary.json, the compliance matrix, allure-results.</summary>
    public void Report(Inputs inputs) => Report(inputs, Load(inputs));

    /// <summary>
    /// Last, once nothing else will write into the folder (a rendered Allure report included): scans every
    /// artifact for secrets, writes the manifest over all of them, prints the summary, decides the exit code.
    /// </summary>
    public int Seal(Inputs inputs) => Seal(inputs, Load(inputs));

    private void Report(Inputs inputs, LoadedRun run)
    {
        ReportJson.Write(Path.Combine(run.Dir, ReportFiles.Summary), RunSummary.From(inputs.Environment, run.ExitCode, inputs.Selection, run.Results));
        ComplianceReportWriter.WriteAll(run.Matrix, run.Dir, inputs.Environment);
        var allure = Path.Combine(run.Dir, ReportFiles.AllureResults);
        if (Directory.Exists(allure))
            Directory.Delete(allure, recursive: true);
        AllureResultsWriter.Write(allure, run.Results, catalogue, run.Status?.EnvironmentFacts ?? new Dictionary<string, string>());
    }

    private int Seal(Inputs inputs, LoadedRun run)
    {
        var exitCode = run.ExitCode;
        var findings = ArtifactSecretScan.Scan(run.Dir, inputs.Secrets, ReadFingerprints(run.Dir));
        if (findings.Count > 0)
        {
            exitCode = ExitCodes.SecretLeaked;
            ReportJson.Write(Path.Combine(run.Dir, ReportFiles.Summary), RunSummary.From(inputs.Environment, exitCode, inputs.Selection, run.Results));
        }

        RunManifest.Write(run.Dir, run.Status, inputs.Selection, exitCode, run.Results);
        new ConsoleSummary(console).Print(run.Status, run.Results, run.Matrix, findings, exitCode, run.Dir);
        return exitCode;
    }

    private LoadedRun Load(Inputs inputs)
    {
        var status = ReportJson.Read<RunStatus>(RunStatus.PathIn(inputs.ReportDirectory));
        var results = ScenarioLog.Read(inputs.ReportDirectory);
        return new LoadedRun(inputs.ReportDirectory, status, results, DecideExitCode(status, results),
            ComplianceMatrix.Build(catalogue, results, inputs.Coverage));
    }

    public static int DecideExitCode(RunStatus? status, IReadOnlyList<ScenarioResult> results)
    {
        if (status?.Outcome == RunOutcome.ConfigurationError)
            return ExitCodes.ConfigurationError;
        if (status?.Outcome == RunOutcome.Unreachable)
            return ExitCodes.Unreachable;
        if (results.Count == 0)
            return ExitCodes.NothingSelected;
        return results.Any(r => Verdicts.Gates(r.Verdict)) ? ExitCodes.ContractFailures : ExitCodes.Passed;
    }

    private static HashSet<string> ReadFingerprints(string dir)
    {
        var path = Path.Combine(dir, ReportFiles.TokenFingerprints);
        return File.Exists(path)
            ? File.ReadLines(path).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal)
            : [];
    }
}
