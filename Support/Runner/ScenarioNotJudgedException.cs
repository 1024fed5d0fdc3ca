namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// The scenario ran but could not be judged (what it depends on was missing while it ran): an error of the run, never
/// a failure of what the scenario checks. Reported as Error, its message under the headline "Scenario not judged".
/// </summary>
public class ScenarioNotJudgedException(string message) : Exception(message);
