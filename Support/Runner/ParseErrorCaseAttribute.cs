using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// A malformed .feature file becomes one failing test naming the file and the parser's message,
/// rather than a discovery crash that would hide every other feature.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ParseErrorCaseAttribute : Attribute, ITestBuilder
{
    private readonly NUnitTestCaseBuilder _builder = new();

    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite)
    {
        foreach (var feature in FeatureCatalog.Features)
        {
            if (feature.ParseError is not { } error)
                continue;
            var test = _builder.BuildTestMethod(method, suite, new TestCaseParameters([feature, error]));
            TestNaming.Rename(test, feature, feature.RelativePath + GherkinFeatureLoader.NameSeparator + "parse error");
            yield return test;
        }
    }
}
