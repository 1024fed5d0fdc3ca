using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Reporting;
using Rator.SuiteRuns;

namespace Rator.VariantMatrix.Tests;

/// <summary>A scenario whose verdict against a variant differs from the plain sandbox's; Declaration is the entry that deserves it, if any.</summary>
public sealed record VerdictChange(
    string Feature, string Name, IReadOnlyList<string> Requirements, string Plain, string Now, string? Message, DeservedVerdicts.Deserved? Declaration)
{
    public static VerdictChange Of(RunSummary.Scenario plain, RunSummary.Scenario? now, DeservedVerdicts.Deserved? declaration) => new(
        plain.Feature, plain.Name, RequirementCatalogue.IdsIn(plain.Tags).ToList(), plain.Verdict, now?.Verdict ?? VerdictOrder.Absent,
        now is null ? "the scenario did not run" : FinishedRun.Gist(now.Message), declaration);

    public override string ToString() =>
        $"\"{Name}\" [{string.Join(" ", Requirements)}] {Plain} → {Now}" + (string.IsNullOrEmpty(Message) ? "" : $": {Message}");
}
