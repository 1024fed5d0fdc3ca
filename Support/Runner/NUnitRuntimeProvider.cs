using NUnit.Framework;
using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>Tells Reqnroll how to signal outcomes to NUnit, and which exceptions mean "skipped".</summary>
internal sealed class NUnitRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => Assert.Inconclusive(message);

    public void TestInconclusive(string message) => Assert.Inconclusive(message);

    public void TestIgnore(string message) => Assert.Ignore(message);

    // Reported as skipped steps (not failed ones) in Reqnroll's own reports; the runner still
    // reads the exception itself from ScenarioContext.TestError to word the verdict.
    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => exception switch
    {
        ScenarioSkippedException or ScenarioNotApplicableException or IgnoreException => ScenarioExecutionStatus.Skipped,
        InconclusiveException => ScenarioExecutionStatus.StepDefinitionPending,
        _ => null,
    };
}
