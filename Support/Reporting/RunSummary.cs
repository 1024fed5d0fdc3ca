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
    IReadOnlyList<RunSummary.Scenario> Scenarios)
{
    public sealed record Scenario(string Feature, string Name, IReadOnlyList<string> Tags, string Verdict, long DurationMs, string? Message);

    public static RunSummary From(string environment, int exitCode, string? selection, IReadOnlyList<ScenarioResult> results)
    {
        var counts = Verdicts.All.ToDictionary(v => v, v => results.Count(r => r.Verdict == v));
        var scenarios = results
            .OrderBy(r => r.FeatureFile, StringComparer.Ordinal).ThenBy(r => r.TestName, StringComparer.Ordinal)
            .Select(r => new Scenario(r.Feature, r.TestName, r.Tags, r.Verdict, r.DurationMs, r.Message))
            .ToList();
        return new RunSummary(environment, exitCode, selection, counts, scenarios);
    }
}
