using NUnit.Framework.Internal;

namespace Rator.Contract.Tests.Support.Runner;

internal static class TestNaming
{
    /// <summary>
    /// Sets the name after the test is built: a name given through TestCaseParameters.TestName goes
    /// through NUnit's template expansion, which rewrites titles containing "{m}", "{a}"...
    /// </summary>
    public static void Rename(Test test, Test suite, string name)
    {
        test.Name = name;
        test.FullName = suite.FullName + "." + name;
    }
}
