using FluentAssertions;
using NUnit.Framework;
using NUnit.Framework.Internal;
using Rator.Contract.Tests.Support.Cli;
using Rator.Contract.Tests.Support.Hooks;
using Rator.Contract.Tests.Support.Selection;

namespace Rator.Contract.Tests.Unit.Cli;

/// <summary>The in-process run selects what `where`'s NUnit filter selected under VSTest.</summary>
public sealed class TagFilterTests
{
    [TestCase("@PW-01", new[] { "password", "PW-01" }, true)]
    [TestCase("@PW-01", new[] { "password", "PW-02" }, false)]
    [TestCase("@refresh and not @slow", new[] { "refresh", "RT-06", "slow" }, false)]
    [TestCase("@refresh and not @slow", new[] { "refresh", "RT-01" }, true)]
    [TestCase("not @slow", new string[0], true)]
    public void A_scenario_runs_when_its_tags_satisfy_the_expression(string expression, string[] tags, bool selected)
    {
        var scenario = Test("Scenario", tags);

        new TagFilter(TagExpression.Parse(expression)).Pass(scenario).Should().Be(selected);
    }

    [Test]
    public void A_fixture_is_never_selected_for_itself_so_its_scenarios_are_judged_one_by_one()
    {
        var fixture = new TestFixture(new TypeWrapper(typeof(Scenarios)));
        var slow = Test("Scenario", ["slow"]);
        fixture.Add(slow);

        var filter = new TagFilter(TagExpression.Parse("not @slow"));

        filter.Match(fixture).Should().BeFalse("no tags satisfy 'not @slow', but a fixture is no scenario");
        filter.Pass(slow).Should().BeFalse();
    }

    [Test]
    public void The_preflight_verdict_runs_with_every_selection()
    {
        var fixture = new TestFixture(new TypeWrapper(typeof(Scenarios)));
        fixture.Properties.Add(PropertyNames.Category, PreflightVerdict.Category);
        var verdict = Test("Preflight", []);
        fixture.Add(verdict);

        new TagFilter(TagExpression.Parse("@PW-01")).Pass(verdict).Should().BeTrue();
    }

    private static TestMethod Test(string method, string[] tags)
    {
        var test = new TestMethod(new MethodWrapper(typeof(Scenarios), method));
        foreach (var tag in tags)
            test.Properties.Add(PropertyNames.Category, tag);
        return test;
    }

    private sealed class Scenarios
    {
        public void Scenario()
        {
        }

        public void Preflight()
        {
        }
    }
}
