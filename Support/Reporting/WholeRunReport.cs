using Rator.Contract.Tests.Support.Compliance;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// The rules judged over every answer of the run (@whole-run scenarios), each with how many answers it judged: what
/// the compliance reports show beside the requirement, so that a pass says what it covered.
/// </summary>
public sealed record WholeRunReport(IReadOnlyList<WholeRunReport.Entry> Entries)
{
    /// <param name="Verdict">the scenario's verdict, as the compliance matrix words it (PASS, FAIL...).</param>
    public sealed record Entry(IReadOnlyList<string> Requirements, string Scenario, string Verdict, string Kind, int Answers, int Scenarios)
    {
        public string Judged => $"{Answers} {Kind} from {Scenarios} scenario{(Scenarios == 1 ? "" : "s")}";
    }

    public static WholeRunReport From(IEnumerable<ScenarioResult> results) =>
        new(results.Where(r => r.Judged is not null)
            .OrderBy(r => RequirementCatalogue.IdsIn(r.Tags).FirstOrDefault(), StringComparer.Ordinal).ThenBy(r => r.TestName, StringComparer.Ordinal)
            .Select(r => new Entry(RequirementCatalogue.IdsIn(r.Tags), r.TestName, ComplianceMatrix.ToMatrixVerdict(r.Verdict),
                r.Judged!.Kind, r.Judged.Answers, r.Judged.Scenarios))
            .ToList());
}
