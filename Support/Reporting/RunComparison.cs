using Rator.Contract.Tests.Support.Compliance;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// What changed since a baseline run (by default the previous run in the same report folder): the morning-after
/// question of a nightly. Scenarios are matched by feature and test name; a baseline of another environment is
/// refused, not compared, since its verdicts say nothing about this deployment.
/// </summary>
public sealed record RunComparison
{
    /// <summary>Where the baseline's summary.json was read from (relative to the report folder when inside it).</summary>
    public required string Baseline { get; init; }
    public string? BaselineEnvironment { get; init; }
    public DateTimeOffset? BaselineStartedAt { get; init; }
    public string? BaselineCommit { get; init; }
    public string? BaselineSelection { get; init; }
    public string? Selection { get; init; }

    /// <summary>Why no comparison was made (another environment, an unreadable file); null when compared.</summary>
    public string? Refused { get; init; }

    public IReadOnlyList<Change> NewlyFailing { get; init; } = [];
    public IReadOnlyList<Change> NewlyWarning { get; init; } = [];
    public IReadOnlyList<Change> Fixed { get; init; } = [];
    public IReadOnlyList<Change> StillFailing { get; init; } = [];
    public IReadOnlyList<Change> Appeared { get; init; } = [];
    public IReadOnlyList<Change> Vanished { get; init; } = [];

    /// <summary>One scenario's verdict then and now (null where it did not run).</summary>
    public sealed record Change(string Feature, string Name, IReadOnlyList<string> Requirements, string? Was, string? Now);

    public bool Compared => Refused is null;

    public static RunComparison Refuse(string baseline, string reason, string? environment = null) =>
        new() { Baseline = baseline, BaselineEnvironment = environment, Refused = reason };

    public static RunComparison Compare(string baselineSource, RunSummary baseline, string environment, IReadOnlyList<ScenarioResult> results,
        string? selection = null)
    {
        if (!string.Equals(baseline.Environment, environment, StringComparison.Ordinal))
            return Refuse(baselineSource,
                $"The baseline {baselineSource} is a run against '{baseline.Environment}', this run is against '{environment}': not compared (pass -Baseline with a run of '{environment}').",
                baseline.Environment);

        var before = baseline.Scenarios.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var now = results.GroupBy(r => (r.Feature, r.TestName)).ToDictionary(g => g.Key, g => g.First());
        var pairs = now.Select(n => (Key: n.Key, Was: before.GetValueOrDefault(n.Key)?.Verdict, Now: (string?)n.Value.Verdict,
                Tags: n.Value.Tags))
            .Concat(before.Where(b => !now.ContainsKey(b.Key)).Select(b => (Key: b.Key, Was: (string?)b.Value.Verdict, Now: (string?)null, Tags: b.Value.Tags)))
            .OrderBy(p => p.Key.Feature, StringComparer.Ordinal).ThenBy(p => p.Key.TestName, StringComparer.Ordinal)
            .Select(p => new Change(p.Key.Feature, p.Key.TestName, RequirementCatalogue.IdsIn(p.Tags), p.Was, p.Now))
            .ToList();

        static bool Failing(string? v) => v is not null && Verdicts.Gates(v);
        return new RunComparison
        {
            Baseline = baselineSource,
            BaselineEnvironment = baseline.Environment,
            BaselineStartedAt = baseline.StartedAt,
            BaselineCommit = baseline.Commit,
            BaselineSelection = baseline.Selection,
            Selection = selection,
            NewlyFailing = pairs.Where(p => p.Was is not null && Failing(p.Now) && !Failing(p.Was)).ToList(),
            NewlyWarning = pairs.Where(p => p.Was is not null && p.Now == Verdicts.Warning && p.Was != Verdicts.Warning).ToList(),
            Fixed = pairs.Where(p => p.Now == Verdicts.Passed && (Failing(p.Was) || p.Was == Verdicts.Warning)).ToList(),
            StillFailing = pairs.Where(p => Failing(p.Was) && Failing(p.Now)).ToList(),
            Appeared = pairs.Where(p => p.Was is null).ToList(),
            Vanished = pairs.Where(p => p.Now is null).ToList(),
        };
    }

    private static (string Feature, string TestName) Key(RunSummary.Scenario s) => (s.Feature, s.Name);

    /// <summary>The comparison's headline, one line: "Since the run of 2026-12-02 13:03 UTC (local, commit 03f8511): 2 newly failing, …".</summary>
    public string Headline()
    {
        if (!Compared)
            return Refused!;
        var when = BaselineStartedAt is { } at ? $"the run of {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "the baseline run";
        var commit = BaselineCommit is null ? "" : $", commit {BaselineCommit}";
        return $"Since {when} ({BaselineEnvironment}{commit}): {NewlyFailing.Count} newly failing, {NewlyWarning.Count} newly warning, "
               + $"{Fixed.Count} fixed, {StillFailing.Count} still failing, {Appeared.Count} appeared, {Vanished.Count} vanished"
               // Scenarios outside one of the selections appear or vanish without any change in the deployment.
               + (BaselineSelection == Selection ? "." : $" (the selections differ: baseline {BaselineSelection ?? "all"}, this run {Selection ?? "all"}).");
    }

    /// <summary>The lists worth a line each, in the order a reader acts on them.</summary>
    public IEnumerable<(string Title, IReadOnlyList<Change> Changes)> Sections() =>
        [("Newly failing", NewlyFailing), ("Newly warning", NewlyWarning), ("Fixed", Fixed), ("Still failing", StillFailing),
         ("Appeared", Appeared), ("Vanished", Vanished)];

    public static string Describe(Change change) =>
        $"[{string.Join(",", change.Requirements)}] {change.Name} ({change.Was ?? "not run"} → {change.Now ?? "not run"})";
}
