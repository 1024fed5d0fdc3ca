namespace Rator.Contract.Tests.Support.Reporting;

public enum RunOutcome { Running, Completed, ConfigurationError, Unreachable }

/// <summary>
/// How far the run got, written by the suite's first and last hooks. run-tests.ps1 reads it to tell a
/// configuration error (exit 2) or an unreachable target (exit 3) from contract failures, with the one
/// readable message the preflight produced.
/// </summary>
public sealed record RunStatus
{
    public required RunOutcome Outcome { get; init; }
    public string? Message { get; init; }
    public required string Environment { get; init; }
    public IReadOnlyDictionary<string, string> EnvironmentFacts { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The times the deployment became unavailable during the run (the scenarios it touched were run again, or not judged).</summary>
    public IReadOnlyList<DeploymentOutage> Outages { get; init; } = [];

    public static string PathIn(string reportDirectory) => Path.Combine(reportDirectory, ReportFiles.RunStatus);
}
