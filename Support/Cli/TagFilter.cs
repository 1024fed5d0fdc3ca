using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using Rator.Contract.Tests.Support.Hooks;
using Rator.Contract.Tests.Support.Selection;

namespace Rator.Contract.Tests.Support.Cli;

/// <summary>
/// The in-process run's selection, the same as `where`'s NUnit filter under VSTest: a test runs when its own
/// categories (a scenario carries its feature's, rule's and examples' tags) satisfy the expression, and the
/// preflight's verdict runs with every selection. Suites are never matched themselves, so an expression that an
/// empty tag set satisfies ("not @slow") does not select a whole fixture through its parent.
/// </summary>
public sealed class TagFilter(TagExpression expression) : TestFilter
{
    public override bool Match(ITest test) =>
        !test.IsSuite && (expression.Matches(Categories(test)) || InPreflight(test));

    public override TNode AddToXml(TNode parentNode, bool recursive) =>
        parentNode.AddElement("tags", expression.ToString() ?? "");

    private static List<string> Categories(ITest test) =>
        test.Properties[PropertyNames.Category].OfType<string>().ToList();

    private static bool InPreflight(ITest test)
    {
        for (var node = test; node is not null; node = node.Parent)
            if (node.Properties[PropertyNames.Category].OfType<string>().Contains(PreflightVerdict.Category))
                return true;
        return false;
    }
}
