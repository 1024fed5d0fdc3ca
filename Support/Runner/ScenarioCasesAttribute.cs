using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>One NUnit test per pickle of the fixture's feature, named, categorised and flagged from its tags.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenarioCasesAttribute : Attribute, ITestBuilder
{
    private readonly NUnitTestCaseBuilder _builder = new();

    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite)
    {
        // TestFixtureSource hands the fixture its FeatureSpec as the single argument.
        if (suite?.Arguments is not [FeatureSpec feature])
            yield break;
        foreach (var scenario in feature.Scenarios)
        {
            var test = _builder.BuildTestMethod(method, suite, new TestCaseParameters([scenario]));
            TestNaming.Rename(test, feature, scenario.TestName);
            foreach (var tag in scenario.AllTags)
                new CategoryAttribute(tag).ApplyToTest(test);
            if (scenario.IsIgnored)
                new IgnoreAttribute("Ignored scenario (@ignore)").ApplyToTest(test);
            if (scenario.IsSerial)
                new NonParallelizableAttribute().ApplyToTest(test);
            if (scenario.StartOrder is { } order)
                test.Properties.Set(PropertyNames.Order, order);
            yield return test;
        }
    }
}
