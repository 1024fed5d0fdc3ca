namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// Everything the reports need about one finished scenario, already redacted. The suite appends one
/// per line to <c>run/scenarios.ndjson</c> as scenarios finish, so a crashed run still leaves evidence.
/// </summary>
public sealed record ScenarioResult
{
    public required string Id { get; init; }
    public required string Feature { get; init; }
    public required string FeatureFile { get; init; }
    public string? Rule { get; init; }
    public required string Name { get; init; }
    public required string TestName { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
    public required string Verdict { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required DateTimeOffset Stop { get; init; }
    public string? Message { get; init; }
    public IReadOnlyList<StepResult> Steps { get; init; } = [];
    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];
    public int? DataSeed { get; init; }

    /// <summary>Position of the pickle in its feature file's pickles: links the result to its Cucumber messages.</summary>
    public int? PickleIndex { get; init; }

    /// <summary>
    /// For a failing or warning scenario, a copy-paste curl command per exchange of the failing step, with every
    /// secret and token replaced by a shell variable reference (Evidence/CurlCommand).
    /// </summary>
    public IReadOnlyList<string> Reproduce { get; init; } = [];

    /// <summary>How many times the scenario ran: more than once when the deployment was unavailable during a run of it.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>
    /// The scenario could not be judged because the deployment was unavailable (its verdict is then ERROR with that
    /// reason, never a contract failure): a run whose only gating verdicts are these exits 3, not 1.
    /// </summary>
    public bool DeploymentUnavailable { get; init; }

    /// <summary>For a scenario judging the whole run (@whole-run): how many answers of which kind it judged.</summary>
    public Evidence.JudgedAnswers? Judged { get; init; }

    public long DurationMs => (long)(Stop - Start).TotalMilliseconds;
}

public sealed record StepResult(string Keyword, string Text, string Status, DateTimeOffset Start, DateTimeOffset Stop, string? Error);

/// <summary>A redacted piece of evidence (an HTTP exchange, usually), attached to the step that produced it.</summary>
public sealed record EvidenceItem(string Title, string MediaType, string Content, int? StepIndex);

/// <summary>The verdict names every report uses.</summary>
public static class Verdicts
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string Warning = "warning";
    public const string NotApplicable = "notApplicable";
    public const string Skipped = "skipped";
    public const string Error = "error";

    public static readonly IReadOnlyList<string> All = [Passed, Failed, Warning, NotApplicable, Skipped, Error];

    public static bool Gates(string verdict) => verdict is Failed or Error;
}
