using NUnit.Framework.Internal;

namespace Rator.Contract.Tests.Support.Runner;

internal static class TestNaming
{
    /// <summary>
    /// "&lt;assembly&gt;.Features.&lt;FeatureIdentifier&gt;": the class name CI reports (TRX, JUnit) show, rather
    /// than this runner's namespace.
    /// </summary>
    public static string ClassFullName(FeatureSpec feature) =>
        $"{FeatureCatalog.TestAssembly.GetName().Name}.{FeatureCatalog.FeaturesFolder}.{feature.ClassName}";

    /// <summary>
    /// Sets the name after the test is built: a name given through TestCaseParameters.TestName goes
    /// through NUnit's template expansion, which rewrites titles containing "{m}", "{a}"...
    /// </summary>
    public static void Rename(Test test, FeatureSpec feature, string name)
    {
        test.Name = name;
        test.FullName = ClassFullName(feature) + "." + name;
    }
}
