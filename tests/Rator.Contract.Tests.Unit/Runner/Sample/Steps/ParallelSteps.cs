using FluentAssertions;
using Reqnroll;

namespace Rator.Contract.Tests.Unit.Runner.Sample.Steps;

public sealed class Stored
{
    public string? Value { get; set; }
}

[Binding]
public sealed class ParallelSteps(Stored stored, ScenarioContext scenario, FeatureContext feature)
{
    [Given("the scenario stores {string}")]
    public void Store(string value)
    {
        stored.Value = value;
        scenario["value"] = value;
        scenario["feature"] = feature.FeatureInfo.Title;
    }

    [When("it waits {int} ms")]
    public Task Wait(int milliseconds) => Task.Delay(milliseconds);

    [Then("it still sees {string} in its own context")]
    public void StillSees(string value)
    {
        stored.Value.Should().Be(value);
        scenario["value"].Should().Be(value);
        scenario["feature"].Should().Be(feature.FeatureInfo.Title);
    }
}
