using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// One NUnit test per pickle of every feature in the catalog, named, categorised and flagged from its tags,
/// numbered in start order (FeatureCatalog.InStartOrder).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenarioCasesAttribute : Attribute, ITestBuilder
{
    private readonly NUnitTestCaseBuilder _builder = new();

    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite)
    {
        var position = 0;
        foreach (var (feature, scenario) in FeatureCatalog.InStartOrder(FeatureCatalog.Features))
        {
            var test = _builder.BuildTestMethod(method, suite, new TestCaseParameters([feature, scenario]));
            TestNaming.Rename(test, feature, scenario.TestName);
            foreach (var tag in scenario.AllTags)
                new CategoryAttribute(tag).ApplyToTest(test);
            if (scenario.IsIgnored)
                new IgnoreAttribute("Ignored scenario (@ignore)").ApplyToTest(test);
            if (scenario.IsSerial)
                new NonParallelizableAttribute().ApplyToTest(test);
            // NUnit queues ordered children first, by this number; every case carries one so none is left to chance.
            test.Properties.Set(PropertyNames.Order, position++);
            yield return test;
        }
    }
}
