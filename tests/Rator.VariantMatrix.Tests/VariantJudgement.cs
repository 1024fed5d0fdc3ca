using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Reporting;
using Rator.SuiteRuns;

namespace Rator.VariantMatrix.Tests;

/// <summary>
/// Whether the suite passes a compliant variant: the run exits 0, no scenario fails, and no scenario's
/// verdict is worse than against the plain sandbox (<see cref="VerdictOrder"/>) unless
/// <see cref="DeservedVerdicts"/> declares it for this variant. Declarations that no longer explain
/// any change in this run are Stale.
/// </summary>
public sealed record VariantJudgement(
    string Variant,
    FinishedRun Run,
    bool Passed,
    string Reason,
    IReadOnlyList<RunSummary.Scenario> Failing,
    IReadOnlyList<VerdictChange> Worse,
    IReadOnlyList<VerdictChange> Deserved,
    IReadOnlyList<VerdictChange> Better,
    IReadOnlyList<DeservedVerdicts.Deserved> Stale)
{
    public const string TimingTag = "timing";

    public static VariantJudgement Of(string variant, FinishedRun run, FinishedRun plain, IReadOnlyList<DeservedVerdicts.Deserved> declarations)
    {
        var applicable = declarations.Where(d => d.AppliesTo(variant)).ToList();
        var now = run.ByScenario;
        var worse = new List<VerdictChange>();
        var deserved = new List<VerdictChange>();
        var better = new List<VerdictChange>();
        // A run that ran nothing (stopped at the preflight, say) has one problem, not one per scenario.
        if (run.Scenarios.Count > 0)
        {
            foreach (var before in plain.Scenarios)
            {
                now.TryGetValue((before.Feature, before.Name), out var after);
                var verdict = after?.Verdict ?? VerdictOrder.Absent;
                if (verdict == before.Verdict) continue;
                // A response-time measurement follows the machine's load, not the variant: not compared.
                if (before.Tags.Any(t => t.TrimStart('@').Equals(TimingTag, StringComparison.OrdinalIgnoreCase))) continue;
                // Failures are judged as failures, whatever the plain sandbox answered.
                if (Verdicts.Gates(verdict)) continue;
                if (!VerdictOrder.IsWorse(verdict, before.Verdict))
                {
                    better.Add(VerdictChange.Of(before, after, null));
                    continue;
                }
                var declaration = after is null ? null : applicable.FirstOrDefault(d => d.Verdict == verdict && d.Matches(after));
                (declaration is null ? worse : deserved).Add(VerdictChange.Of(before, after, declaration));
            }
        }

        // Judged only in the run the entry is written for: a variant's own entries in its own run, "all" entries in the all run.
        var own = applicable.Where(d => d.Variant == variant).ToList();
        var stale = run.Scenarios.Count == 0 ? [] : own.Where(d => deserved.All(c => c.Declaration != d)).ToList();

        var failing = run.Failing;
        string? problem = null;
        if (plain.Scenarios.Count == 0)
            problem = $"the plain run ran no scenario ({plain.CountsText}), so there is nothing to compare this variant's verdicts with";
        else if (run.Summary is null)
            problem = $"the run wrote no summary.json (exit {run.ExitCode}: {run.ExitCodeMeaning}); its last output:{Environment.NewLine}{run.OutputTail}";
        else if (failing.Count > 0)
            problem = $"{failing.Count} scenario(s) failed: " + string.Join("; ", failing.Select(Describe));
        else if (run.ExitCode != 0)
            problem = $"the run exited {run.ExitCode} ({run.ExitCodeMeaning}) with no failing scenario ({run.CountsText}); its last output:{Environment.NewLine}{LastLines(run.OutputTail)}";
        if (worse.Count > 0)
            problem = (problem is null ? "" : problem + "; and ") +
                      $"{worse.Count} verdict(s) worse than against the plain sandbox, not declared in DeservedVerdicts: {string.Join("; ", worse)}";

        return new VariantJudgement(variant, run, problem is null, problem ?? $"exit 0, {run.CountsText}", failing, worse, deserved, better, stale);
    }

    /// <summary>The end of a run's output: where the suite says why it stopped.</summary>
    private static string LastLines(string tail) => string.Join(Environment.NewLine, tail.Split('\n').TakeLast(3));

    public static string Describe(RunSummary.Scenario scenario) =>
        $"\"{scenario.Name}\" [{string.Join(" ", RequirementCatalogue.IdsIn(scenario.Tags))}] {scenario.Verdict}: {FinishedRun.Gist(scenario.Message)}";
}
