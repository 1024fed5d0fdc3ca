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
        IReadOnlySet<string>? Coverage = null,
        IEnumerable<string>? ExtraFilesToScan = null);

    public int Finish(Inputs inputs)
    {
        Report(inputs);
        return Seal(inputs);
    }

    /// <summary>The reports built from the results: summary.json, the compliance matrix, allure-results.</summary>
    public void Report(Inputs inputs)
    {
        var (dir, status, results, exitCode) = Load(inputs);
        ReportJson.Write(Path.Combine(dir, ReportFiles.Summary), RunSummary.From(inputs.Environment, exitCode, inputs.Selection, results));
        ComplianceReportWriter.WriteAll(ComplianceMatrix.Build(catalogue, results, inputs.Coverage), dir, inputs.Environment);
        var allure = Path.Combine(dir, ReportFiles.AllureResults);
        if (Directory.Exists(allure))
            Directory.Delete(allure, recursive: true);
        AllureResultsWriter.Write(allure, results, catalogue, status?.EnvironmentFacts ?? new Dictionary<string, string>());
    }

    /// <summary>
    /// Last, once nothing else will write into the folder (a rendered Allure report included): scans every
    /// artifact for secrets, writes the manifest over all of them, prints the summary, decides the exit code.
    /// </summary>
    public int Seal(Inputs inputs)
    {
        var (dir, status, results, exitCode) = Load(inputs);
        var findings = ArtifactSecretScan.Scan(dir, inputs.Secrets, ReadFingerprints(dir), inputs.ExtraFilesToScan);
        if (findings.Count > 0)
        {
            exitCode = ExitCodes.SecretLeaked;
            ReportJson.Write(Path.Combine(dir, ReportFiles.Summary), RunSummary.From(inputs.Environment, exitCode, inputs.Selection, results));
        }

        RunManifest.Write(dir, status, inputs.Selection, exitCode, results);
        new ConsoleSummary(console).Print(status, results, ComplianceMatrix.Build(catalogue, results, inputs.Coverage), findings, exitCode, dir);
        return exitCode;
    }

    private static (string Dir, RunStatus? Status, IReadOnlyList<ScenarioResult> Results, int ExitCode) Load(Inputs inputs)
    {
        var status = ReportJson.Read<RunStatus>(RunStatus.PathIn(inputs.ReportDirectory));
        var results = ScenarioLog.Read(inputs.ReportDirectory);
        return (inputs.ReportDirectory, status, results, DecideExitCode(status, results));
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
