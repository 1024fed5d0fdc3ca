using System.Globalization;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// A stretch of the run in which the deployment did not issue the first token (its availability check): an outage of
/// the infrastructure, not an answer of the deployment. Recorded in run/status.json and summary.json.
/// </summary>
public sealed record DeploymentOutage
{
    /// <summary>When the availability check first failed.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>When the first token was issued again; null when the run stopped waiting first.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>The last availability check of the outage.</summary>
    public required DateTimeOffset LastChecked { get; init; }

    /// <summary>What the first-token request got when the outage began ("503 Service Unavailable, Retry-After 5 s").</summary>
    public required string Answer { get; init; }

    /// <summary>The longest the run waits for the deployment (target.unavailableWaitSeconds).</summary>
    public required int WaitLimitSeconds { get; init; }

    public int ScenariosRunAgain { get; init; }
    public int ScenariosNotJudged { get; init; }

    public bool Recovered => End is not null;

    public TimeSpan Duration => (End ?? LastChecked) - Start;

    /// <summary>"at 02:13:05 UTC for 8 s (first token: 503 Service Unavailable)" or "…, still unavailable after the 30 s the run waits".</summary>
    public string Describe()
    {
        var at = $"at {Start.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC";
        var seconds = Duration.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        return Recovered
            ? $"{at} for {seconds} s (first token: {Answer})"
            : $"{at}, and still unavailable {seconds} s later, when the run stopped waiting (target.unavailableWaitSeconds: {WaitLimitSeconds}; first token: {Answer})";
    }
}
