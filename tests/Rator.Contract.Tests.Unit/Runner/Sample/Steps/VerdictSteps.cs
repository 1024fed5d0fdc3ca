using NUnit.Framework;
using Rator.Contract.Tests.Support.Runner;
using Reqnroll;

namespace Rator.Contract.Tests.Unit.Runner.Sample.Steps;

[Binding]
public sealed class VerdictSteps(IReqnrollOutputHelper output)
{
    [Then("NUnit asserts {int} equals {int}")]
    public void NUnitAssert(int actual, int expected) => Assert.That(actual, Is.EqualTo(expected));

    [When("a step throws {string}")]
    public void Throw(string message) => throw new InvalidOperationException(message);

    [Given("a precondition that is missing")]
    public void MissingPrecondition() => throw new ScenarioSkippedException("no customer of BRAND9 in this environment");

    [Given("a feature the deployment does not offer")]
    public void AbsentFeature() => throw new ScenarioNotApplicableException("client credentials are not offered");

    [Given("a step still to be written")]
    public void Pending() => throw new PendingStepException();

    [Given("a step that writes {string}")]
    public void Write(string text) => output.WriteLine(text);
}
