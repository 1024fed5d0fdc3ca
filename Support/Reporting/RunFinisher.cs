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
        var dir = inputs.ReportDirectory;
        var status = ReportJson.Read<RunStatus>(RunStatus.PathIn(dir));
        var results = ScenarioLog.Read(dir);

        var exitCode = DecideExitCode(status, results);
        var summaryPath = Path.Combine(dir, ReportFiles.Summary);
        ReportJson.Write(summaryPath, RunSummary.From(inputs.Environment, exitCode, inputs.Selection, results));

        var matrix = ComplianceMatrix.Build(catalogue, results, inputs.Coverage);
        ComplianceReportWriter.WriteAll(matrix, dir, inputs.Environment);
        var allure = Path.Combine(dir, ReportFiles.AllureResults);
        if (Directory.Exists(allure))
            Directory.Delete(allure, recursive: true);
        AllureResultsWriter.Write(allure, results, catalogue, status?.EnvironmentFacts ?? new Dictionary<string, string>());

        var findings = ArtifactSecretScan.Scan(dir, inputs.Secrets, ReadFingerprints(dir), inputs.ExtraFilesToScan);
        if (findings.Count > 0)
        {
            exitCode = ExitCodes.SecretLeaked;
            ReportJson.Write(summaryPath, RunSummary.From(inputs.Environment, exitCode, inputs.Selection, results));
        }

        RunManifest.Write(dir, status, inputs.Selection, exitCode, results);
        new ConsoleSummary(console).Print(status, results, matrix, findings, exitCode, dir);
        return exitCode;
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
