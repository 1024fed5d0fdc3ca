using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Reporting;
using Rator.Contract.Tests.Support.Runner;
using Rator.Contract.Tests.Support.Selection;

namespace Rator.Contract.Tests.Support.Cli;

/// <summary>
/// The scenarios a tag expression selects, read from the same feature files and with the same tag
/// inheritance the runner uses, so `-List` shows exactly what a run would execute. Nothing is sent.
/// </summary>
public static class ScenarioListing
{
    public static int Print(string? tags, TextWriter output)
    {
        var selected = Selected(tags is null ? null : TagExpression.Parse(tags));

        foreach (var group in selected.GroupBy(x => x.Feature))
        {
            output.WriteLine($"{group.Key.Title}  ({group.Key.RelativePath})");
            foreach (var (_, scenario) in group)
                output.WriteLine($"  {scenario.TestName}  [{string.Join(" ", scenario.AllTags.Select(t => "@" + t))}]");
        }
        output.WriteLine($"{selected.Count} scenarios selected{(tags is null ? "" : $" by {tags}")}.");
        return selected.Count == 0 ? ExitCodes.NothingSelected : 0;
    }

    /// <summary>The scenarios a run with this expression executes (all but @ignore when there is none).</summary>
    public static IReadOnlyList<(FeatureSpec Feature, ScenarioSpec Scenario)> Selected(TagExpression? expression) =>
        FeatureCatalog.Features
            .SelectMany(f => f.Scenarios.Select(s => (Feature: f, Scenario: s)))
            .Where(x => !x.Scenario.IsIgnored && (expression?.Matches(x.Scenario.AllTags) ?? true))
            .ToList();

    /// <summary>The requirement IDs some scenario of the suite proves, selected or not.</summary>
    public static IReadOnlySet<string> CoveredRequirementIds() =>
        FeatureCatalog.Features
            .SelectMany(f => f.Scenarios)
            .SelectMany(s => RequirementCatalogue.IdsIn(s.AllTags))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
