using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Reporting;
using Rator.Sandbox;
using Rator.SuiteRuns;

namespace Rator.DefectMatrix.Tests;

/// <summary>
/// Whether a run with a defect switched on caught it for the right reason: the run failed (exit 1) and a
/// failing scenario proves the very requirement the defect breaks, and that scenario passes against the
/// compliant sandbox of the same dialect (so the failure is the defect's doing, not a scenario that always fails).
/// </summary>
public sealed record DefectJudgement(
    SandboxDefect Defect,
    Dialect Dialect,
    FinishedRun Run,
    FinishedRun Baseline,
    bool Caught,
    IReadOnlyList<RunSummary.Scenario> CaughtBy,
    IReadOnlyList<RunSummary.Scenario> Unrelated,
    string Reason)
{
    /// <summary>Unrelated failures outside the requirements <see cref="CollateralFailures"/> declares for this defect.</summary>
    public IReadOnlyList<RunSummary.Scenario> Unexpected =>
        Unrelated.Where(s => !RequirementCatalogue.IdsIn(s.Tags).Any(id => CollateralFailures.For(Defect.Name).Contains(id, StringComparer.OrdinalIgnoreCase))).ToList();

    public static DefectJudgement Of(SandboxDefect defect, Dialect dialect, FinishedRun run, FinishedRun compliant)
    {
        var failing = run.Failing;
        var ofRequirement = failing.Where(s => Proves(s, defect.RequirementId)).ToList();
        var unrelated = failing.Except(ofRequirement).ToList();
        var passingWhenCompliant = compliant.Scenarios
            .Where(s => s.Verdict == Verdicts.Passed)
            .Select(s => (s.Feature, s.Name))
            .ToHashSet();
        var caughtBy = ofRequirement.Where(s => passingWhenCompliant.Contains((s.Feature, s.Name))).ToList();

        string? escape = null;
        if (run.Summary is null)
            escape = $"the run wrote no summary.json (exit {run.ExitCode}: {run.ExitCodeMeaning}); its last output:{Environment.NewLine}{run.OutputTail}";
        else if (run.ExitCode != 1)
            escape = run.ExitCode == 0
                ? $"the run passed (exit 0): {Describe(run.Summary)}"
                : $"the run exited {run.ExitCode} ({run.ExitCodeMeaning}), not 1 (contract failures)";
        else if (failing.Count == 0)
            escape = $"the run exited 1 but no scenario failed: {Describe(run.Summary)}";
        else if (ofRequirement.Count == 0)
            escape = $"it failed only in scenarios of other requirements: {Names(unrelated)}";
        else if (caughtBy.Count == 0)
            escape = $"the failing scenarios of {defect.RequirementId} do not pass against the compliant sandbox ({compliant.Request.Label}) either: {Names(ofRequirement)}";

        var reason = escape ?? $"{caughtBy.Count} scenario(s) of {defect.RequirementId} failed";
        return new DefectJudgement(defect, dialect, run, compliant, escape is null, caughtBy, unrelated, reason);
    }

    public static bool Proves(RunSummary.Scenario scenario, string requirementId) =>
        RequirementCatalogue.IdsIn(scenario.Tags).Contains(requirementId, StringComparer.OrdinalIgnoreCase);

    public static string Names(IEnumerable<RunSummary.Scenario> scenarios) =>
        string.Join("; ", scenarios.Select(s => $"\"{s.Name}\" [{string.Join(" ", RequirementCatalogue.IdsIn(s.Tags))}] {s.Verdict}"));

    private static string Describe(RunSummary summary) =>
        summary.Scenarios.Count == 0
            ? "no scenario ran"
            : string.Join(", ", summary.Counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key}"));
}
