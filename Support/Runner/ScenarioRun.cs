namespace Rator.Contract.Tests.Support.Runner;

/// <summary>A finished scenario with its final verdict: what the reports are built from.</summary>
public sealed record ScenarioRun
{
    public required string Id { get; init; }
    public required string FeatureTitle { get; init; }
    public required string FeatureFile { get; init; }
    public string? FeatureDescription { get; init; }
    public string? RuleTitle { get; init; }
    public required string ScenarioTitle { get; init; }
    public required string TestName { get; init; }
    public required string TestFullName { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required IReadOnlyList<string> InheritedTags { get; init; }
    public required IReadOnlyDictionary<string, string> Arguments { get; init; }
    public required IReadOnlyList<ScenarioStepRun> Steps { get; init; }
    public required ScenarioVerdict Verdict { get; init; }
    /// <summary>The failure, warning, skip or not-applicable message; the pass note, if any.</summary>
    public string? Message { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset Stop { get; init; }
    /// <summary>What the scenario wrote to the test output (step trace, hooks' notes).</summary>
    public string? Output { get; init; }

    public IEnumerable<string> AllTags => Tags.Concat(InheritedTags).Distinct(StringComparer.Ordinal);

    public TimeSpan Duration => Stop - Start;

    internal static ScenarioRun From(ScenarioRunInfo info, ScenarioVerdict verdict, string? message, DateTimeOffset stop, string? output) => new()
    {
        Id = info.Id,
        FeatureTitle = info.FeatureTitle,
        FeatureFile = info.FeatureFile,
        FeatureDescription = info.FeatureDescription,
        RuleTitle = info.RuleTitle,
        ScenarioTitle = info.ScenarioTitle,
        TestName = info.TestName,
        TestFullName = info.TestFullName,
        Tags = info.Tags,
        InheritedTags = info.InheritedTags,
        Arguments = info.Arguments,
        Steps = info.Steps,
        Verdict = verdict,
        Message = message,
        Start = info.Start,
        Stop = stop,
        Output = output,
    };
}
