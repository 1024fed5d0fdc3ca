using System.Diagnostics.CodeAnalysis;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>A finished scenario: what ran (<see cref="ScenarioRunInfo"/>) with its final verdict. The reports are built from it.</summary>
public sealed record ScenarioRun : ScenarioRunInfo
{
    [SetsRequiredMembers]
    private ScenarioRun(ScenarioRunInfo info) : base(info) { }

    public required ScenarioVerdict Verdict { get; init; }
    /// <summary>The failure, warning, skip or not-applicable message; the pass note, if any.</summary>
    public string? Message { get; init; }
    public required DateTimeOffset Stop { get; init; }
    /// <summary>What the scenario wrote to the test output (step trace, hooks' notes).</summary>
    public string? Output { get; init; }

    /// <summary>How many times it ran: more than once when an <see cref="IScenarioRetryPolicy"/> ran it again.</summary>
    public int Attempts { get; init; } = 1;

    public TimeSpan Duration => Stop - Start;

    internal static ScenarioRun From(ScenarioRunInfo info, ScenarioVerdict verdict, string? message, DateTimeOffset stop, string? output) =>
        new(info) { Verdict = verdict, Message = message, Stop = stop, Output = output };
}
