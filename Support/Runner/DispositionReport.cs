using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>Turns the policy's disposition into the run log's verdict and into the NUnit outcome.</summary>
internal static class DispositionReport
{
    public static (ScenarioVerdict Verdict, string? Message) Verdict(ScenarioDisposition disposition, ScenarioStepRun? failedStep, Exception? error) =>
        disposition switch
        {
            ScenarioDisposition.Passed passed => (ScenarioVerdict.Passed, passed.Note),
            ScenarioDisposition.Warned warned => (ScenarioVerdict.Warning, warned.Message),
            ScenarioDisposition.NotApplicableByDesign na => (ScenarioVerdict.NotApplicable, "Not applicable: " + na.Reason),
            ScenarioDisposition.Skipped skipped => (ScenarioVerdict.Skipped, "Skipped: " + skipped.Reason),
            ScenarioDisposition.Failed failed => (
                IsAssertion(failed.Error) ? ScenarioVerdict.Failed : ScenarioVerdict.Error,
                FailureMessage(failedStep, failed.Error, ReferenceEquals(failed.Error, error))),
            _ => throw new InvalidOperationException($"Unknown disposition {disposition}"),
        };

    private static bool IsAssertion(Exception error) =>
        error is AssertionException || error.GetType().Name.Contains("Assert", StringComparison.Ordinal);

    private static string FailureMessage(ScenarioStepRun? failedStep, Exception error, bool isScenarioError)
    {
        // The policy may fail a scenario for its own reason (a gating rule on a passed step...): say so plainly.
        var headline = error is ScenarioNotJudgedException ? "Scenario not judged"
            : failedStep is not null && isScenarioError ? $"Step failed: {failedStep}" : "Scenario failed";
        return headline + Environment.NewLine + error.Message;
    }

    public static void Apply(ScenarioDisposition disposition, string? message)
    {
        switch (disposition)
        {
            case ScenarioDisposition.Passed passed:
                if (passed.Note is not null)
                    TestContext.Out.WriteLine(passed.Note);
                ScenarioOutcomeAttribute.Decide(ResultState.Success, passed.Note ?? "");
                break;
            case ScenarioDisposition.Warned:
                ScenarioOutcomeAttribute.Decide(ResultState.Warning, message ?? "");
                break;
            case ScenarioDisposition.NotApplicableByDesign or ScenarioDisposition.Skipped:
                ScenarioOutcomeAttribute.Decide(ResultState.Ignored, message ?? "");
                break;
            case ScenarioDisposition.Failed failed:
                throw new ScenarioFailedException(message ?? failed.Error.Message, failed.Error);
        }
    }
}
