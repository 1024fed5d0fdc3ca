namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// summary.json: the run in a shape machines can rely on (CI dashboards, the defect matrix). Keep the
/// existing fields stable; add, never rename.
/// </summary>
public sealed record RunSummary(
    string Environment,
    int ExitCode,
    string? Selection,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<RunSummary.Scenario> Scenarios,
    DateTimeOffset? StartedAt = null,
    string? Commit = null,
    RunComparison? Comparison = null,
    string? Reason = null,
    IReadOnlyList<DeploymentOutage>? Outages = null)
{
    /// <param name="Attempts">More than 1 when the deployment was unavailable during a run of the scenario and it ran again.</param>
    /// <param name="DeploymentUnavailable">Not judged: the deployment was unavailable (the verdict is then error).</param>
    public sealed record Scenario(string Feature, string Name, IReadOnlyList<string> Tags, string Verdict, long DurationMs, string? Message,
        IReadOnlyList<string>? Reproduce = null, int Attempts = 1, bool DeploymentUnavailable = false);

    /// <summary>The suite's commit, as run-tests.ps1 (or CI) sets it.</summary>
    public const string CommitVariable = "RATOR_SUITE_COMMIT";

    /// <param name="reason">Why the run ended with <paramref name="exitCode"/> (ExitReason).</param>
    public static RunSummary From(string environment, int exitCode, string? selection, IReadOnlyList<ScenarioResult> results,
        RunStatus? status = null, RunComparison? comparison = null, string? reason = null)
    {
        var counts = Verdicts.All.ToDictionary(v => v, v => results.Count(r => r.Verdict == v));
        var scenarios = results
            .OrderBy(r => r.FeatureFile, StringComparer.Ordinal).ThenBy(r => r.TestName, StringComparer.Ordinal)
            .Select(r => new Scenario(r.Feature, r.TestName, r.Tags, r.Verdict, r.DurationMs, r.Message,
                r.Reproduce.Count == 0 ? null : r.Reproduce, r.Attempts, r.DeploymentUnavailable))
            .ToList();
        return new RunSummary(environment, exitCode, selection, counts, scenarios, status?.StartedAt,
            System.Environment.GetEnvironmentVariable(CommitVariable), comparison, reason, status?.Outages ?? []);
    }
}
