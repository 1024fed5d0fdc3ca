using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.VariantMatrix.Tests;

/// <summary>
/// The verdicts a compliant variant deserves although they are worse than the plain sandbox's, each with
/// its reason (the matrix prints every one that applied, and every one that no longer happens as STALE).
/// Scenario is a requirement ID (every scenario tagged with it) or a scenario's title as the feature file
/// words it. An entry for a variant applies to its own run and to the all-variants run; an entry for
/// "all" to the all-variants run only. A failure is never deserved: a compliant deployment must pass.
/// </summary>
public static class DeservedVerdicts
{
    public const string AllVariants = "all";

    public sealed record Deserved(string Variant, string Scenario, string Verdict, string Reason)
    {
        public bool AppliesTo(string runVariant) =>
            Variant.Equals(runVariant, StringComparison.Ordinal) || runVariant == AllVariants;

        public bool Matches(RunSummary.Scenario scenario) =>
            RequirementCatalogue.IdsIn(scenario.Tags).Contains(Scenario, StringComparer.OrdinalIgnoreCase)
            || scenario.Name.Equals(Scenario, StringComparison.Ordinal)
            || scenario.Name.EndsWith(" — " + Scenario, StringComparison.Ordinal);

        public override string ToString() => $"{Variant}: {Scenario} {Verdict} ({Reason})";
    }

    public static IReadOnlyList<Deserved> All { get; } =
    [
    ];
}
