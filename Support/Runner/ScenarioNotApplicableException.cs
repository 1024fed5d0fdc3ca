namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Thrown by a step when the deployment lacks the feature by design (client credentials not offered,
/// for instance): the scenario is reported Ignored with "Not applicable: &lt;reason&gt;", never failed.
/// </summary>
public sealed class ScenarioNotApplicableException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
