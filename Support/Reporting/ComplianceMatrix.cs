using Rator.Contract.Tests.Support.Compliance;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// Every requirement of the catalogue with the verdict this run gives it, from the scenarios that ran: the worst of
/// theirs (FAIL, ERROR, WARNING, PASS). A scenario that did not apply or could not run proves nothing either way, so
/// it never decides the verdict beside one that ran; the row says how many ran and why the others did not.
/// NOT_APPLICABLE only when none applied, SKIPPED when none ran and one could not; NOT_RUN when the selection left
/// them out, NOT_COVERED when no scenario carries the ID.
/// </summary>
public sealed record ComplianceMatrix(IReadOnlyList<ComplianceMatrix.Row> Rows)
{
    public const string Pass = "PASS", Fail = "FAIL", Warning = "WARNING", NotApplicable = "NOT_APPLICABLE",
        Skipped = "SKIPPED", Error = "ERROR", NotCovered = "NOT_COVERED", NotRun = "NOT_RUN";

    // Worst first: a row takes the first of these that any scenario that ran has.
    private static readonly string[] RanSeverity = [Fail, Error, Warning, Pass];

    public static readonly IReadOnlyList<string> Groups = ["Vendor contract", "RFC", "Security best practice", "Documented examples"];

    public sealed record Row(Requirement Requirement, string Verdict, IReadOnlyList<ScenarioRef> Scenarios)
    {
        /// <summary>How many of its scenarios ran (were judged): the ones its verdict stands on.</summary>
        public int Ran => Scenarios.Count(s => s.Ran);

        /// <summary>Why the others did not run, one entry per distinct reason, not-applicable first.</summary>
        public IReadOnlyList<NotRunReason> NotRunReasons => Scenarios.Where(s => !s.Ran)
            .GroupBy(s => (s.Verdict, Reason: s.Reason ?? "no reason given"))
            .OrderBy(g => g.Key.Verdict == NotApplicable ? 0 : 1)
            .Select(g => new NotRunReason(g.Key.Verdict, g.Key.Reason, g.Count()))
            .ToList();

        /// <summary>Whether some scenarios ran and others did not: the verdict proves part of the requirement.</summary>
        public bool ProvenInPart => Ran > 0 && Ran < Scenarios.Count;

        /// <summary>"3 of 4 ran; not applicable: the environment declares …"; null for a requirement without scenarios in this run.</summary>
        public string? Coverage => Scenarios.Count == 0
            ? null
            : $"{Ran} of {Scenarios.Count} ran" + string.Concat(NotRunReasons.Select(r => "; " + r.Describe()));
    }

    /// <param name="Verdict">NOT_APPLICABLE or SKIPPED.</param>
    /// <param name="Scenarios">How many scenarios gave this reason.</param>
    public sealed record NotRunReason(string Verdict, string Reason, int Scenarios)
    {
        public string Describe() =>
            $"{(Verdict == NotApplicable ? "not applicable" : "skipped")}{(Scenarios > 1 ? $" ({Scenarios} scenarios)" : "")}: {Reason}";
    }

    /// <param name="Checks">"promise" or "wording" (a @wording scenario): what of the requirement the scenario checks.</param>
    public sealed record ScenarioRef(string Feature, string Name, string Verdict, string? Message, string Checks = ScenarioRef.Promise)
    {
        public const string Promise = "promise", Wording = "wording";

        /// <summary>The scenario was judged: it passed, warned, failed or erred.</summary>
        public bool Ran => Verdict is not (NotApplicable or Skipped);

        /// <summary>Why a scenario did not run: its message without the "Not applicable: " or "Skipped: " it starts with.</summary>
        public string? Reason => Ran || Message is null
            ? null
            : StripPrefix(Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "");

        private static string StripPrefix(string line)
        {
            foreach (var prefix in (string[])["Not applicable: ", "Skipped: "])
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                    return line[prefix.Length..];
            return line;
        }
    }

    /// <param name="coverage">Every scenario the suite has, by requirement ID (from the feature files), so that a
    /// requirement whose scenarios were not selected reads NOT_RUN rather than NOT_COVERED.</param>
    public static ComplianceMatrix Build(RequirementCatalogue catalogue, IReadOnlyList<ScenarioResult> results,
        IReadOnlySet<string>? coverage = null)
    {
        var rows = catalogue.All.Select(requirement =>
        {
            var scenarios = results
                .Where(r => RequirementCatalogue.IdsIn(r.Tags).Contains(requirement.Id))
                .Select(r => new ScenarioRef(r.Feature, r.TestName, ToMatrixVerdict(r.Verdict), r.Message,
                    CompliancePolicy.IsWording(r.Tags) ? ScenarioRef.Wording : ScenarioRef.Promise))
                .ToList();
            var verdict = scenarios.Count == 0
                ? (coverage?.Contains(requirement.Id) == true ? NotRun : NotCovered)
                : RollUp(scenarios.Select(s => s.Verdict));
            return new Row(requirement, verdict, scenarios);
        }).ToList();
        return new ComplianceMatrix(rows);
    }

    /// <summary>A requirement's verdict from its scenarios' (matrix verdicts, at least one).</summary>
    public static string RollUp(IEnumerable<string> scenarioVerdicts)
    {
        var verdicts = scenarioVerdicts.ToList();
        if (RanSeverity.FirstOrDefault(verdicts.Contains) is { } worst)
            return worst;
        // Nothing was judged: one that could not run leaves the question open, where "not applicable" would close it.
        return verdicts.Contains(Skipped) ? Skipped : NotApplicable;
    }

    public IReadOnlyDictionary<string, int> Totals =>
        new[] { Pass, Fail, Warning, NotApplicable, Skipped, Error, NotRun, NotCovered }
            .ToDictionary(v => v, v => Rows.Count(r => r.Verdict == v));

    /// <summary>The rows whose verdict stands on some of their scenarios only, in catalogue order.</summary>
    public IReadOnlyList<Row> ProvenInPart => Rows.Where(r => r.ProvenInPart).ToList();

    /// <summary>"PASS 66 (3 of them in part), WARNING 2, NOT_APPLICABLE 2": the totals line of the console and the CI summaries.</summary>
    public string TotalsLine() => string.Join(", ", Totals.Where(t => t.Value > 0).Select(t =>
    {
        var partly = Rows.Count(r => r.Verdict == t.Key && r.ProvenInPart);
        return $"{t.Key} {t.Value}" + (partly > 0 ? $" ({partly} of them in part)" : "");
    }));

    public static string ToMatrixVerdict(string scenarioVerdict) => scenarioVerdict switch
    {
        Verdicts.Passed => Pass,
        Verdicts.Failed => Fail,
        Verdicts.Warning => Warning,
        Verdicts.NotApplicable => NotApplicable,
        Verdicts.Skipped => Skipped,
        _ => Error,
    };
}
