namespace Rator.Contract.Tests.Support.Runner;

/// <summary>The final verdict of a scenario, as the reports show it.</summary>
public enum ScenarioVerdict
{
    Passed,
    /// <summary>An assertion failed: the deployment broke the contract.</summary>
    Failed,
    Warning,
    NotApplicable,
    Skipped,
    /// <summary>The scenario could not be judged: an unexpected exception, a failing hook, an undefined or
    /// pending step, a malformed feature file.</summary>
    Error,
}
