using NUnit.Framework;

namespace Rator.SuiteRuns;

/// <summary>
/// The matrix's lines in the console of `dotnet test`: progress while the runs go and the score last.
/// NUnit3TestAdapter 6 hands TestContext.Progress to VSTest as informational messages, which the console
/// logger hides below normal verbosity; NUnit's error stream arrives as warnings, shown at every verbosity.
/// </summary>
public static class MatrixConsole
{
    public static void Line(string text) => TestContext.Error.WriteLine(text);
}
