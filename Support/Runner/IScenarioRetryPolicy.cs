namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Decides, once a scenario has run and its verdict policy has spoken, whether the scenario runs again before any
/// verdict is published (it could not be judged this time), or which disposition stands. Resolved from the Reqnroll
/// scenario container like <see cref="IScenarioVerdictPolicy"/>; when none is registered, every verdict stands. A run
/// again is a new scenario context (new hooks, new bindings), reported to Reqnroll's formatters as a retried attempt.
/// </summary>
public interface IScenarioRetryPolicy
{
    /// <param name="attempt">1 for the scenario's first run.</param>
    Task<ScenarioRetry> DecideAsync(ScenarioRunInfo scenario, ScenarioDisposition disposition, int attempt);
}

/// <summary>What follows a run of a scenario: run it again (saying why), or the disposition that stands.</summary>
public abstract record ScenarioRetry
{
    private ScenarioRetry() { }

    public static ScenarioRetry RunAgain(string why) => new Again(why);
    public static ScenarioRetry Stand(ScenarioDisposition disposition) => new Final(disposition);

    public sealed record Again(string Why) : ScenarioRetry;

    public sealed record Final(ScenarioDisposition Disposition) : ScenarioRetry;
}
