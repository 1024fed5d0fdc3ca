using NUnit.Framework;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// The failure NUnit reports for a scenario: "Step failed: &lt;Keyword&gt; &lt;text&gt;" then the original
/// message, with the original stack trace (where the assertion or the exception was thrown).
/// </summary>
public sealed class ScenarioFailedException(string message, Exception original) : AssertionException(message, original)
{
    public override string? StackTrace => Original(InnerException)?.StackTrace;

    // The runner may wrap what a step threw (to add Reqnroll's snippet, say): report where it was thrown.
    private static Exception? Original(Exception? error) =>
        error is { StackTrace: null, InnerException: { } inner } ? Original(inner) : error;
}
