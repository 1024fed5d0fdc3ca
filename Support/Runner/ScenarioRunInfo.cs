namespace Rator.Contract.Tests.Support.Runner;

/// <summary>What a scenario was and how its steps went: the input of <see cref="IScenarioVerdictPolicy"/>.</summary>
public record ScenarioRunInfo
{
    /// <summary>Stable across runs: derived from the feature file path and the test name.</summary>
    public required string Id { get; init; }
    public required string FeatureTitle { get; init; }
    /// <summary>Relative to the Features folder's parent, with '/' separators: "Features/Tokens/Password.feature".</summary>
    public required string FeatureFile { get; init; }
    public string? FeatureDescription { get; init; }
    public string? RuleTitle { get; init; }
    public required string ScenarioTitle { get; init; }
    /// <summary>"Feature — Scenario [example values]", the NUnit test's name.</summary>
    public required string TestName { get; init; }
    public required string TestFullName { get; init; }
    /// <summary>The scenario's own tags and those of its Examples block, without '@'.</summary>
    public required IReadOnlyList<string> Tags { get; init; }
    /// <summary>Feature and rule tags, without '@'.</summary>
    public required IReadOnlyList<string> InheritedTags { get; init; }
    /// <summary>The Examples row of an outline, header → value, in column order; empty otherwise.</summary>
    public required IReadOnlyDictionary<string, string> Arguments { get; init; }
    public required IReadOnlyList<ScenarioStepRun> Steps { get; init; }
    public required DateTimeOffset Start { get; init; }
    /// <summary>Position of the pickle in its feature's pickles (as in the Cucumber messages); null for a parse error.</summary>
    public int? PickleIndex { get; init; }

    public IEnumerable<string> AllTags => Tags.Concat(InheritedTags).Distinct(StringComparer.Ordinal);

    public bool HasTag(string tag) =>
        AllTags.Contains(tag.TrimStart('@'), StringComparer.OrdinalIgnoreCase);

    /// <summary>The first step that did not pass and was not skipped, if any.</summary>
    public ScenarioStepRun? FailedStep => Steps.FirstOrDefault(s => s.Status is not (StepStatus.Passed or StepStatus.Skipped));
}
