using Rator.Contract.Tests.Support.Compliance;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// Every requirement of the catalogue with the verdict this run gives it: the worst verdict among its
/// scenarios (FAIL over WARNING over PASS...), or NOT_COVERED when no scenario carries its ID.
/// </summary>
public sealed record ComplianceMatrix(IReadOnlyList<ComplianceMatrix.Row> Rows)
{
    public const string Pass = "PASS", Fail = "FAIL", Warning = "WARNING", NotApplicable = "NOT_APPLICABLE",
        Skipped = "SKIPPED", Error = "ERROR", NotCovered = "NOT_COVERED", NotRun = "NOT_RUN";

    // Worst first: the row takes the first of these that any of its scenarios has.
    private static readonly string[] Severity = [Fail, Error, Warning, Skipped, NotApplicable, Pass];

    public static readonly IReadOnlyList<string> Groups = ["Vendor contract", "RFC", "Security best practice", "Documented examples"];

    public sealed record Row(Requirement Requirement, string Verdict, IReadOnlyList<ScenarioRef> Scenarios);

    /// <param name="Checks">"promise" or "wording" (a @wording scenario): what of the requirement the scenario checks.</param>
    public sealed record ScenarioRef(string Feature, string Name, string Verdict, string? Message, string Checks = ScenarioRef.Promise)
    {
        public const string Promise = "promise", Wording = "wording";
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
                : Severity.First(s => scenarios.Any(x => x.Verdict == s));
            return new Row(requirement, verdict, scenarios);
        }).ToList();
        return new ComplianceMatrix(rows);
    }

    public IReadOnlyDictionary<string, int> Totals =>
        new[] { Pass, Fail, Warning, NotApplicable, Skipped, Error, NotRun, NotCovered }
            .ToDictionary(v => v, v => Rows.Count(r => r.Verdict == v));

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
