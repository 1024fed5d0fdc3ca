using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Reporting;
using Rator.Contract.Tests.Support.Runner;
using Rator.Contract.Tests.Support.Selection;

namespace Rator.Contract.Tests.Support.Cli;

/// <summary>
/// The scenarios a tag expression selects, read from the same feature files and with the same tag
/// inheritance the runner uses, so `-List` shows exactly what a run would execute, and names every step no binding
/// matches (a misspelt phrase) before a run would stumble on it. Nothing is sent.
/// </summary>
public static class ScenarioListing
{
    public static int Print(string? tags, TextWriter output) => Print(FeatureCatalog.Features, tags, output);

    /// <summary>The listing of <paramref name="features"/>: exit 4 when nothing is selected, 2 when a step is unbound.</summary>
    public static int Print(IReadOnlyList<FeatureSpec> features, string? tags, TextWriter output)
    {
        var selected = Selected(features, tags is null ? null : TagExpression.Parse(tags));

        foreach (var group in selected.GroupBy(x => x.Feature))
        {
            output.WriteLine($"{group.Key.Title}  ({group.Key.RelativePath})");
            foreach (var (_, scenario) in group)
                output.WriteLine($"  {scenario.TestName}  [{string.Join(" ", scenario.AllTags.Select(t => "@" + t))}]");
        }
        output.WriteLine($"{selected.Count} scenarios selected{(tags is null ? "" : $" by {tags}")}.");
        if (selected.Count == 0)
            return ExitCodes.NothingSelected;
        return ReportUnbound(StepBindingCheck.Check(selected), output);
    }

    /// <summary>
    /// Steps no binding matches, each with its feature file and scenario: a misspelt phrase fails the listing
    /// (configuration error) rather than a run half-way through.
    /// </summary>
    private static int ReportUnbound(IReadOnlyList<StepBindingCheck.UnboundStep> unbound, TextWriter output)
    {
        if (unbound.Count == 0)
            return 0;
        output.WriteLine($"{unbound.Count} steps match no step definition, or more than one:");
        foreach (var step in unbound)
            output.WriteLine($"  {step}");
        return ExitCodes.ConfigurationError;
    }

    /// <summary>The scenarios a run with this expression executes (all but @ignore when there is none).</summary>
    public static IReadOnlyList<(FeatureSpec Feature, ScenarioSpec Scenario)> Selected(TagExpression? expression) =>
        Selected(FeatureCatalog.Features, expression);

    private static IReadOnlyList<(FeatureSpec Feature, ScenarioSpec Scenario)> Selected(IReadOnlyList<FeatureSpec> features, TagExpression? expression) =>
        features
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
