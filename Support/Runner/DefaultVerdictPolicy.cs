namespace Rator.Contract.Tests.Support.Runner;

/// <summary>Failures fail; the two "did not apply" exceptions skip; everything else passes.</summary>
public sealed class DefaultVerdictPolicy : IScenarioVerdictPolicy
{
    public static DefaultVerdictPolicy Instance { get; } = new();

    public ScenarioDisposition Decide(ScenarioRunInfo scenario, Exception? error) => error switch
    {
        null => ScenarioDisposition.Pass(),
        ScenarioSkippedException skipped => ScenarioDisposition.Skip(skipped.Reason),
        ScenarioNotApplicableException notApplicable => ScenarioDisposition.NotApplicable(notApplicable.Reason),
        _ => ScenarioDisposition.Fail(error),
    };
}
