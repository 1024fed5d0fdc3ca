using Rator.Contract.Tests.Support.Reporting;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Support.Hooks;

/// <summary>Turns the runner's final record of a scenario into the run's redacted scenario log entry.</summary>
internal static class ScenarioResults
{
    public static void Publish(ScenarioRun scenario)
    {
        if (SuiteRun.Current is not { } run)
            return;
        run.PendingEvidence.TryRemove(scenario.TestFullName, out var evidence);
        run.Log.Append(new ScenarioResult
        {
            Id = scenario.Id,
            Feature = scenario.FeatureTitle,
            FeatureFile = scenario.FeatureFile,
            Rule = scenario.RuleTitle,
            Name = scenario.ScenarioTitle,
            TestName = scenario.TestName,
            Tags = scenario.AllTags.ToList(),
            Parameters = scenario.Arguments,
            Verdict = Verdict(scenario.Verdict),
            Start = scenario.Start,
            Stop = scenario.Stop,
            Message = scenario.Message is null ? null : run.Redactor.Redact(scenario.Message),
            Steps = scenario.Steps.Select(s => new StepResult(s.Keyword, s.Text, s.Status.ToString().ToLowerInvariant(), s.Start, s.Stop,
                s.ErrorMessage is null ? null : run.Redactor.Redact(s.ErrorMessage))).ToList(),
            Evidence = evidence?.Items ?? [],
            DataSeed = evidence?.DataSeed,
            PickleIndex = scenario.PickleIndex,
            Reproduce = evidence?.Reproductions ?? [],
            Attempts = scenario.Attempts,
            DeploymentUnavailable = run.Availability.WasNotJudged(scenario.TestFullName),
            Judged = evidence?.Judged,
        });
    }

    private static string Verdict(ScenarioVerdict verdict) => verdict switch
    {
        ScenarioVerdict.Passed => Verdicts.Passed,
        ScenarioVerdict.Failed => Verdicts.Failed,
        ScenarioVerdict.Warning => Verdicts.Warning,
        ScenarioVerdict.NotApplicable => Verdicts.NotApplicable,
        ScenarioVerdict.Skipped => Verdicts.Skipped,
        _ => Verdicts.Error,
    };
}
