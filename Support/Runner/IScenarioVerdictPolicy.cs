namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Decides how a finished scenario is reported. Resolved from the Reqnroll scenario container (so it can be
/// registered per scenario from a [BeforeScenario] hook, or run-wide from a runtime plugin); when none is
/// registered, <see cref="DefaultVerdictPolicy"/> applies.
/// </summary>
public interface IScenarioVerdictPolicy
{
    /// <param name="scenario">What ran: the scenario, its tags and the steps with their status.</param>
    /// <param name="error">The first error of the scenario (step, hook or binding), or null when it passed.
    /// <see cref="ScenarioSkippedException"/> and <see cref="ScenarioNotApplicableException"/> arrive here too.</param>
    ScenarioDisposition Decide(ScenarioRunInfo scenario, Exception? error);
}
