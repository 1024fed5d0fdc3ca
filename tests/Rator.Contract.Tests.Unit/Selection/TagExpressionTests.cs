using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Selection;

namespace Rator.Contract.Tests.Unit.Selection;

public sealed class TagExpressionTests
{
    [TestCase("@smoke", new[] { "smoke" }, true)]
    [TestCase("@smoke", new[] { "SMOKE" }, true)]
    [TestCase("@smoke", new[] { "slow" }, false)]
    [TestCase("@a and @b", new[] { "a", "b" }, true)]
    [TestCase("@a and @b", new[] { "a" }, false)]
    [TestCase("@a or @b", new[] { "b" }, true)]
    [TestCase("not @slow", new[] { "fast" }, true)]
    [TestCase("not @slow", new[] { "slow" }, false)]
    [TestCase("@smoke and not (@slow or @intrusive)", new[] { "smoke", "intrusive" }, false)]
    [TestCase("@smoke and not (@slow or @intrusive)", new[] { "smoke" }, true)]
    [TestCase("@a or @b and @c", new[] { "a" }, true)]
    [TestCase("@BK-06", new[] { "@BK-06" }, true)]
    public void Matches_tags_as_cucumber_does(string expression, string[] tags, bool expected) =>
        TagExpression.Parse(expression).Matches(tags).Should().Be(expected);

    [Test]
    public void Translates_to_an_nunit_filter_on_categories() =>
        TagExpression.Parse("@smoke and not (@slow or @PW-05)").ToNUnitWhere()
            .Should().Be("(cat == 'smoke' && !((cat == 'slow' || cat == 'PW-05')))");

    [TestCase("", "empty")]
    [TestCase("smoke", "not a tag")]
    [TestCase("@a and", "ends where a tag was expected")]
    [TestCase("(@a or @b", "Missing ')'")]
    [TestCase("@a @b", "Unexpected '@b'")]
    [TestCase("@a'b", "not a tag")]
    public void Refuses_malformed_expressions_with_a_readable_reason(string expression, string reason) =>
        FluentActions.Invoking(() => TagExpression.Parse(expression))
            .Should().Throw<TagExpressionException>().WithMessage($"*{reason}*");
}
