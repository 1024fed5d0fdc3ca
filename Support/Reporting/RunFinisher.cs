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
        string? Baseline = null);

    /// <summary>What the test run left: read once per command.</summary>
    private sealed record LoadedRun(string Dir, RunStatus? Status, IReadOnlyList<ScenarioResult> Results, int ExitCode, ComplianceMatrix Matrix,
        RunComparison? Comparison);

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
        ReportJson.Write(Path.Combine(run.Dir, ReportFiles.Summary), Summary(inputs, run, run.ExitCode, []));
        ComplianceReportWriter.WriteAll(run.Matrix, run.Dir, inputs.Environment, run.Comparison, WholeRunReport.From(run.Results));
        try
        {
            LivingDocumentation.AlignWithVerdicts(run.Dir, run.Results, RepositoryRoot());
        }
        catch (System.Text.Json.JsonException e)
        {
            // The other reports are complete; this one then shows Reqnroll's own statuses.
            console.WriteLine($"The living documentation could not be aligned with the verdicts (its messages are not JSON: {e.Message}); it shows Reqnroll's step statuses.");
        }
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
            ReportJson.Write(Path.Combine(run.Dir, ReportFiles.Summary), Summary(inputs, run, exitCode, findings));
        }

        var reason = ExitReason.For(exitCode, run.Status, run.Results, findings, inputs.Selection);
        RunManifest.Write(run.Dir, run.Status, inputs.Environment, inputs.Selection, exitCode, reason, run.Results, run.Matrix, run.Comparison);
        new ConsoleSummary(console).Print(run.Status, run.Results, run.Matrix, findings, exitCode, reason, run.Dir, run.Comparison);
        var stopped = run.Status?.Outcome is RunOutcome.ConfigurationError or RunOutcome.Unreachable;
        CiSummary.Publish(CiSummary.Markdown(inputs.Environment, exitCode, reason, run.Results, run.Matrix, run.Comparison, findings, run.Dir, stopped),
            run.Dir, console, Environment.GetEnvironmentVariable);
        return exitCode;
    }

    private static RunSummary Summary(Inputs inputs, LoadedRun run, int exitCode, IReadOnlyList<ArtifactSecretScan.Finding> leaks) =>
        RunSummary.From(inputs.Environment, exitCode, inputs.Selection, run.Results, run.Status, run.Comparison,
            ExitReason.For(exitCode, run.Status, run.Results, leaks, inputs.Selection));

    /// <summary>
    /// The baseline named by --baseline (a report folder or a summary.json), or else the previous run of this folder
    /// that run-tests.ps1 kept; none at all on a first run.
    /// </summary>
    private static RunComparison? CompareWithBaseline(Inputs inputs, IReadOnlyList<ScenarioResult> results)
    {
        var kept = Path.Combine(inputs.ReportDirectory, ReportFiles.Baseline);
        var named = inputs.Baseline is { Length: > 0 } b ? Path.GetFullPath(b) : null;
        // Naming this run's own folder means its previous run, which the script moved aside before emptying the folder.
        if (named is not null && (SamePath(named, inputs.ReportDirectory) || SamePath(named, Path.Combine(inputs.ReportDirectory, ReportFiles.Summary))))
            named = kept;
        if (named is null && !File.Exists(kept))
            return null;

        var path = named ?? kept;
        var file = Directory.Exists(path) ? Path.Combine(path, ReportFiles.Summary) : path;
        var shown = inputs.Baseline is { Length: > 0 } given ? given : ReportFiles.Baseline;
        if (!File.Exists(file))
            return RunComparison.Refuse(shown, $"No baseline at {shown} (a report folder or its summary.json): not compared.");
        RunSummary? baseline;
        try
        {
            baseline = ReportJson.Read<RunSummary>(file);
        }
        catch (System.Text.Json.JsonException)
        {
            baseline = null;
        }

        return baseline is { Environment: not null, Scenarios: not null }
            ? RunComparison.Compare(shown, baseline, inputs.Environment, results, inputs.Selection)
            : RunComparison.Refuse(shown, $"The baseline {shown} is not a summary.json of this suite: not compared.");
    }

    /// <summary>The suite's checkout (the folder of its project file above the build output), cut from stack-trace paths.</summary>
    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Rator.Contract.Tests.csproj")))
                return dir.FullName;
        return null;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);

    private LoadedRun Load(Inputs inputs)
    {
        var status = ReportJson.Read<RunStatus>(RunStatus.PathIn(inputs.ReportDirectory));
        var results = ScenarioLog.Read(inputs.ReportDirectory);
        return new LoadedRun(inputs.ReportDirectory, status, results, DecideExitCode(status, results),
            ComplianceMatrix.Build(catalogue, results, inputs.Coverage), CompareWithBaseline(inputs, results));
    }

    public static int DecideExitCode(RunStatus? status, IReadOnlyList<ScenarioResult> results)
    {
        if (status?.Outcome == RunOutcome.ConfigurationError)
            return ExitCodes.ConfigurationError;
        if (status?.Outcome == RunOutcome.Unreachable)
            return ExitCodes.Unreachable;
        if (results.Count == 0)
            return ExitCodes.NothingSelected;
        var gating = results.Where(r => Verdicts.Gates(r.Verdict)).ToList();
        if (gating.Count == 0)
            return ExitCodes.Passed;
        // Scenarios the deployment's unavailability kept from being judged are no contract verdict: alone, they are an outage.
        return gating.All(r => r.DeploymentUnavailable) ? ExitCodes.Unreachable : ExitCodes.ContractFailures;
    }

    private static HashSet<string> ReadFingerprints(string dir)
    {
        var path = Path.Combine(dir, ReportFiles.TokenFingerprints);
        return File.Exists(path)
            ? File.ReadLines(path).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal)
            : [];
    }
}
