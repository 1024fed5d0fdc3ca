namespace Rator.Contract.Tests.Support.Runner;

/// <summary>One pickle (a scenario, or one Examples row of an outline) as one NUnit test.</summary>
public sealed record ScenarioSpec
{
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>"Feature — Scenario [example values]", unique within the feature.</summary>
    public required string TestName { get; init; }
    /// <summary>Scenario and Examples tags, without '@'.</summary>
    public required IReadOnlyList<string> Tags { get; init; }
    /// <summary>Feature and Rule tags, without '@'.</summary>
    public required IReadOnlyList<string> InheritedTags { get; init; }
    public required IReadOnlyDictionary<string, string> Arguments { get; init; }
    public Reqnroll.RuleInfo? Rule { get; init; }
    /// <summary>Position of the pickle in the feature's pickle list: links the run to its Cucumber messages.</summary>
    public required int PickleIndex { get; init; }
    public required IReadOnlyList<StepSpec> Steps { get; init; }

    public IReadOnlyList<string> AllTags => Tags.Concat(InheritedTags).Distinct(StringComparer.Ordinal).ToArray();

    public bool IsIgnored => HasTag("ignore");

    /// <summary>Must not run alongside any other scenario (rate limits, shared server state...).</summary>
    public bool IsSerial => HasTag("serial") || JudgesTheWholeRun;

    /// <summary>
    /// Judges what every other scenario of the run recorded (@whole-run): queued last and run alone, so NUnit starts it
    /// only once every parallel scenario has ended (the non-parallel shift follows the parallel one).
    /// </summary>
    public bool JudgesTheWholeRun => HasTag("whole-run");

    /// <summary>The rank of a scenario that neither waits long nor judges the whole run.</summary>
    public const int DefaultStartOrder = 2;

    /// <summary>
    /// Scenarios that take long start first, so that they overlap the short ones instead of ending the run:
    /// 0 for those waiting for a real expiry (@slow), 1 for the bounded bursts (@intrusive), null for the rest
    /// (<see cref="DefaultStartOrder"/>), and 3, last of all, for those judging the whole run (@whole-run).
    /// </summary>
    public int? StartOrder => JudgesTheWholeRun ? 3 : WaitsForExpiry ? 0 : HasTag("intrusive") ? 1 : null;

    /// <summary>Waits for a real token expiry (@slow): seconds in which it holds a worker and does nothing.</summary>
    public bool WaitsForExpiry => HasTag("slow");

    public bool HasTag(string tag) => AllTags.Contains(tag, StringComparer.OrdinalIgnoreCase);

    public override string ToString() => TestName;
}
