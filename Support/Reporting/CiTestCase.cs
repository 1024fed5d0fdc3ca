using NUnit.Framework.Interfaces;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>What CI's test views show per test: one entry per executed NUnit test (each scenario, the preflight's verdict).</summary>
public sealed record CiTestCase(
    string ClassName,
    string Name,
    CiOutcome Outcome,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Message,
    string? StackTrace,
    string Output)
{
    public TimeSpan Duration => End > Start ? End - Start : TimeSpan.Zero;

    /// <summary>
    /// Every test case of a finished run, in the order NUnit ran them. The outcomes map as NUnit's VSTest adapter maps
    /// them (its default), so the files read as before: a warning or an ignored test is not executed, not failed.
    /// </summary>
    public static IReadOnlyList<CiTestCase> From(ITestResult run)
    {
        var cases = new List<CiTestCase>();
        Collect(run, cases);
        return [.. cases.OrderBy(c => c.Start)];
    }

    private static void Collect(ITestResult result, List<CiTestCase> cases)
    {
        if (result.Test.IsSuite)
        {
            foreach (var child in result.Children)
                Collect(child, cases);
            return;
        }
        var fullName = result.Test.FullName;
        var className = fullName.EndsWith("." + result.Test.Name, StringComparison.Ordinal)
            ? fullName[..^(result.Test.Name.Length + 1)]
            : result.Test.ClassName ?? "";
        cases.Add(new CiTestCase(className, result.Test.Name, OutcomeOf(result.ResultState),
            new DateTimeOffset(result.StartTime.ToUniversalTime(), TimeSpan.Zero),
            new DateTimeOffset(result.EndTime.ToUniversalTime(), TimeSpan.Zero),
            string.IsNullOrEmpty(result.Message) ? null : result.Message,
            string.IsNullOrEmpty(result.StackTrace) ? null : result.StackTrace,
            result.Output));
    }

    private static CiOutcome OutcomeOf(ResultState state) => state.Status switch
    {
        TestStatus.Passed => CiOutcome.Passed,
        TestStatus.Failed => CiOutcome.Failed,   // an assertion or an error alike, as VSTest reports both
        _ => CiOutcome.NotExecuted,   // skipped, ignored, inconclusive, warning
    };
}

public enum CiOutcome
{
    Passed,
    Failed,
    NotExecuted,
}
