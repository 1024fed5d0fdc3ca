using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Unit.Runner;

public sealed class VerdictPolicyTests
{
    private static readonly ScenarioRunInfo Scenario = new()
    {
        Id = "0123456789abcdef",
        FeatureTitle = "Feature",
        FeatureFile = "Features/Feature.feature",
        ScenarioTitle = "Scenario",
        TestName = "Feature — Scenario",
        TestFullName = "Rator.Contract.Tests.Features.Feature.Feature — Scenario",
        Tags = ["PW-01"],
        InheritedTags = ["passwords"],
        Arguments = new Dictionary<string, string>(),
        Steps =
        [
            new ScenarioStepRun("Given ", "a customer", StepStatus.Passed, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null),
            new ScenarioStepRun("Then ", "a token is issued", StepStatus.Failed, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "boom"),
        ],
        Start = DateTimeOffset.UnixEpoch,
    };

    [Test]
    public void Default_policy_passes_a_scenario_without_error() =>
        DefaultVerdictPolicy.Instance.Decide(Scenario, null).Should().Be(ScenarioDisposition.Pass());

    [Test]
    public void Default_policy_fails_with_the_error_itself()
    {
        var error = new InvalidOperationException("boom");

        DefaultVerdictPolicy.Instance.Decide(Scenario, error).Should().Be(ScenarioDisposition.Fail(error));
    }

    [Test]
    public void Default_policy_turns_the_two_exceptions_into_skip_and_not_applicable()
    {
        DefaultVerdictPolicy.Instance.Decide(Scenario, new ScenarioSkippedException("no operator"))
            .Should().Be(ScenarioDisposition.Skip("no operator"));
        DefaultVerdictPolicy.Instance.Decide(Scenario, new ScenarioNotApplicableException("not offered"))
            .Should().Be(ScenarioDisposition.NotApplicable("not offered"));
    }

    [Test]
    public void Run_info_answers_tag_and_failed_step_questions()
    {
        Scenario.HasTag("@pw-01").Should().BeTrue();
        Scenario.HasTag("passwords").Should().BeTrue();
        Scenario.AllTags.Should().Equal("PW-01", "passwords");
        Scenario.FailedStep!.ToString().Should().Be("Then a token is issued");
    }
}
