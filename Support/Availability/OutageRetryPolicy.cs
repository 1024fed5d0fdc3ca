using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Support.Availability;

/// <summary>
/// Keeps an outage from reading as a broken contract. A scenario whose request got an answer an outage gives (after the
/// client's own retries) has not heard the deployment: its verdict, pass or fail, waits for the availability check.
/// Unavailable and back within the wait: the scenario runs again. Unavailable for longer: ERROR, not judged. Available
/// at once: a passing fault runs the scenario again once, and what comes back then stands — a timeout, or a throttle's
/// answer to a burst of the throttling rules (@intrusive), stands at once as the deployment's own.
/// </summary>
public sealed class OutageRetryPolicy(DeploymentAvailability availability, ExchangeRecorder recorder) : IScenarioRetryPolicy
{
    /// <summary>The most times one scenario runs: a second outage during its run again is waited out too, a third is not.</summary>
    public const int MostRuns = 3;

    /// <summary>The scenarios whose bursts the throttling rules judge: their 429s and 503s with Retry-After are the deployment's.</summary>
    public const string BurstTag = "intrusive";

    public async Task<ScenarioRetry> DecideAsync(ScenarioRunInfo scenario, ScenarioDisposition disposition, int attempt)
    {
        if (disposition is ScenarioDisposition.Skipped or ScenarioDisposition.NotApplicableByDesign)
            return ScenarioRetry.Stand(disposition);
        var stood = recorder.Snapshot().Where(e => e.StoodAsInfrastructureAnswer).ToList();
        if (stood.Count == 0)
            return ScenarioRetry.Stand(disposition);

        var verdict = await availability.CheckAsync(stood.Min(e => e.StartedAt));
        switch (verdict.State)
        {
            case AvailabilityState.Recovered when attempt < MostRuns:
                availability.NoteRunAgain(verdict.Outage!);
                return ScenarioRetry.RunAgain($"the deployment was unavailable {verdict.Outage!.Describe()}, when {Describe(stood)}");
            case AvailabilityState.Recovered or AvailabilityState.Unavailable:
                availability.NoteNotJudged(verdict.Outage!, scenario.TestFullName);
                return ScenarioRetry.Stand(ScenarioDisposition.Fail(new DeploymentUnavailableException(
                    $"Not judged: the deployment was unavailable {verdict.Outage!.Describe()}. This scenario's requests got {Describe(stood)}: "
                    + "an answer of the infrastructure, not of the deployment, so no clause of the contract was judged. Run it again once the deployment is back.")));
        }

        var throttlingRule = scenario.HasTag(BurstTag);
        var passingFaults = stood.Where(e => !e.TimedOut && !(throttlingRule && InfrastructureAnswers.IsThrottleAnswer(e.StatusCode, e.RetryAfter))).ToList();
        return passingFaults.Count > 0 && attempt == 1
            ? ScenarioRetry.RunAgain($"{Describe(passingFaults)} while the deployment issued a first token at once: run again once, "
                                     + "so that a passing fault is told from the deployment's own answer")
            : ScenarioRetry.Stand(disposition);
    }

    private static string Describe(IReadOnlyList<HttpExchange> answers) =>
        string.Join("; ", answers.Take(3).Select(e => $"{e.Summary[..e.Summary.IndexOf(" → ", StringComparison.Ordinal)]} → {e.InfrastructureAnswer}"))
        + (answers.Count > 3 ? $" and {answers.Count - 3} more" : "");
}

/// <summary>A scenario could not be judged because the deployment was unavailable: reported as ERROR, never as a contract failure.</summary>
public sealed class DeploymentUnavailableException(string message) : ScenarioNotJudgedException(message);
