namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Thrown by a step when a precondition of the scenario is missing (a role absent from the environment
/// file, for instance): the scenario is reported Skipped with "Skipped: &lt;reason&gt;", never failed.
/// </summary>
public sealed class ScenarioSkippedException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
