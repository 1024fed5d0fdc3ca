using System.Collections.Specialized;
using System.Security.Cryptography;
using System.Text;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using Reqnroll;
using Reqnroll.Infrastructure;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Runs one pickle through Reqnroll's test runner with the call sequence the generated NUnit code uses,
/// records each step, lets the verdict policy decide, publishes the run and reports it to NUnit.
/// </summary>
internal static class ScenarioExecutor
{
    public static async Task RunAsync(FeatureSpec feature, ScenarioSpec scenario)
    {
        var featureInfo = feature.Info ?? throw new InvalidOperationException($"{feature.RelativePath} has no feature info");
        var start = DateTimeOffset.UtcNow;
        var runner = TestRunnerManager.GetTestRunnerForAssembly(FeatureCatalog.TestAssembly, featureHint: featureInfo);
        try
        {
            try
            {
                await StartFeatureAsync(runner, featureInfo);
                runner.OnScenarioInitialize(ToScenarioInfo(scenario), scenario.Rule);
            }
            catch (Exception notStarted)
            {
                // A failing [BeforeFeature] hook: there is no scenario (nor policy) yet, but the run log must hear of it.
                var steps = scenario.Steps.Select(step => new ScenarioStepRun(step.Keyword, step.Text, StepStatus.Skipped, start, start, null));
                Finish(Describe(feature, scenario, steps.ToList(), start), ScenarioDisposition.Fail(notStarted), notStarted);
                return;
            }
            var scenarioContext = runner.ScenarioContext;
            scenarioContext.ScenarioContainer.RegisterInstanceAs(TestContext.CurrentContext);

            await runner.OnScenarioStartAsync();
            var (stepRuns, stepError) = await RunStepsAsync(runner, scenario);
            var error = stepError ?? await CollectErrorAsync(runner);

            // Resolved before the scenario ends: ending it disposes the scenario container.
            var policy = ResolvePolicy(scenarioContext);
            try
            {
                await runner.OnScenarioEndAsync();
            }
            catch (Exception afterScenarioError)
            {
                error ??= afterScenarioError;
            }

            var info = Describe(feature, scenario, stepRuns, start);
            Finish(info, Decide(policy, info, error), error);
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    /// <summary>The single test of a malformed feature file: reported, and recorded in the run log as an error.</summary>
    public static void ReportParseError(FeatureSpec feature, string error)
    {
        var test = TestContext.CurrentContext.Test;
        var info = new ScenarioRunInfo
        {
            Id = StableId(feature.RelativePath, test.Name),
            FeatureTitle = feature.Title,
            FeatureFile = feature.RelativePath,
            ScenarioTitle = "parse error",
            TestName = test.Name,
            TestFullName = test.FullName,
            Tags = [],
            InheritedTags = [],
            Arguments = new Dictionary<string, string>(),
            Steps = [],
            Start = DateTimeOffset.UtcNow,
        };
        ScenarioRunLog.Publish(ScenarioRun.From(info, ScenarioVerdict.Error, error, DateTimeOffset.UtcNow, null));
        throw new AssertionException(error);
    }

    private static void Finish(ScenarioRunInfo info, ScenarioDisposition disposition, Exception? error)
    {
        var (verdict, message) = Verdict(disposition, info.FailedStep, error);
        ScenarioRunLog.Publish(ScenarioRun.From(info, verdict, message, DateTimeOffset.UtcNow, CurrentOutput()));
        Report(disposition, message);
    }

    // The same feature switch the generated [SetUp] performs: a pooled runner may still hold another feature.
    private static async Task StartFeatureAsync(ITestRunner runner, FeatureInfo featureInfo)
    {
        try
        {
            if (runner.FeatureContext is { } current && !ReferenceEquals(current.FeatureInfo, featureInfo))
                await runner.OnFeatureEndAsync();
        }
        finally
        {
            if (runner.FeatureContext is { BeforeFeatureHookFailed: true } failed)
                throw new ReqnrollException($"Scenario not run: the [BeforeFeature] hook failed: {failed.BeforeFeatureHookError?.Message}");
            if (runner.FeatureContext is null)
            {
                try
                {
                    await runner.OnFeatureStartAsync(featureInfo);
                }
                catch (Exception ex)
                {
                    throw new ReqnrollException($"Scenario not run: the [BeforeFeature] hook failed: {ex.Message}", ex);
                }
            }
        }
    }

    private static ScenarioInfo ToScenarioInfo(ScenarioSpec scenario)
    {
        var arguments = new OrderedDictionary();
        foreach (var (header, value) in scenario.Arguments)
            arguments[header] = value;
        return new ScenarioInfo(
            scenario.Title,
            scenario.Description,
            scenario.Tags.ToArray(),
            arguments,
            scenario.InheritedTags.ToArray(),
            scenario.PickleIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<(List<ScenarioStepRun> Steps, Exception? Error)> RunStepsAsync(ITestRunner runner, ScenarioSpec scenario)
    {
        var steps = new List<ScenarioStepRun>(scenario.Steps.Count);
        Exception? thrown = null;
        foreach (var step in scenario.Steps)
        {
            var context = runner.ScenarioContext;
            var before = context.ScenarioExecutionStatus;
            var stepStart = DateTimeOffset.UtcNow;
            if (thrown is null)
            {
                try
                {
                    await Execute(runner, step);
                }
                catch (Exception ex)
                {
                    // Only a failing block hook escapes the runner; the step counts as failed.
                    thrown = ex;
                    steps.Add(new ScenarioStepRun(step.Keyword, step.Text, StepStatus.Failed, stepStart, DateTimeOffset.UtcNow, ex.Message));
                    continue;
                }
            }
            var status = thrown is not null || before != ScenarioExecutionStatus.OK
                ? StepStatus.Skipped
                : context.ScenarioExecutionStatus switch
                {
                    ScenarioExecutionStatus.OK => StepStatus.Passed,
                    ScenarioExecutionStatus.UndefinedStep => StepStatus.Undefined,
                    ScenarioExecutionStatus.StepDefinitionPending => StepStatus.Pending,
                    ScenarioExecutionStatus.Skipped => StepStatus.Skipped,
                    _ => StepStatus.Failed,
                };
            var message = status switch
            {
                StepStatus.Failed or StepStatus.Pending => context.TestError?.Message,
                StepStatus.Skipped when before == ScenarioExecutionStatus.OK && thrown is null => context.TestError?.Message,
                StepStatus.Undefined => "No matching step definition found",
                _ => null,
            };
            steps.Add(new ScenarioStepRun(step.Keyword, step.Text, status, stepStart, DateTimeOffset.UtcNow, message));
        }
        return (steps, thrown);
    }

    private static Task Execute(ITestRunner runner, StepSpec step) => step.Kind switch
    {
        StepKind.Given => runner.GivenAsync(step.Text, step.DocString, step.CreateTable(), step.Keyword),
        StepKind.When => runner.WhenAsync(step.Text, step.DocString, step.CreateTable(), step.Keyword),
        StepKind.Then => runner.ThenAsync(step.Text, step.DocString, step.CreateTable(), step.Keyword),
        _ => runner.AndAsync(step.Text, step.DocString, step.CreateTable(), step.Keyword),
    };

    /// <summary>The scenario's error as Reqnroll words it (with the snippet for undefined steps).</summary>
    private static async Task<Exception?> CollectErrorAsync(ITestRunner runner)
    {
        var recorded = runner.ScenarioContext.TestError;
        try
        {
            await runner.CollectScenarioErrorsAsync();
            return null;
        }
        catch (Exception ex)
        {
            // A skip or not-applicable exception is reported by Reqnroll as a generic "ignored": keep ours.
            if (recorded is ScenarioSkippedException or ScenarioNotApplicableException)
                return recorded;
            // With missingOrPendingStepsOutcome "Error" the exception says only "No matching step definition
            // found"; the snippet that tells the author what to write goes to the trace: put it in the failure.
            if (runner.ScenarioContext.ScenarioExecutionStatus == ScenarioExecutionStatus.UndefinedStep)
            {
                var snippet = runner.TestThreadContext.TestThreadContainer.Resolve<ITestUndefinedMessageFactory>()
                    .BuildFromContext(runner.ScenarioContext, runner.FeatureContext);
                return new ReqnrollException(snippet, ex);
            }
            return ex;
        }
    }

    private static IScenarioVerdictPolicy ResolvePolicy(ScenarioContext context) =>
        context.ScenarioContainer.IsRegistered<IScenarioVerdictPolicy>()
            ? context.ScenarioContainer.Resolve<IScenarioVerdictPolicy>()
            : DefaultVerdictPolicy.Instance;

    private static ScenarioDisposition Decide(IScenarioVerdictPolicy policy, ScenarioRunInfo info, Exception? error)
    {
        try
        {
            return policy.Decide(info, error);
        }
        catch (Exception policyError)
        {
            return ScenarioDisposition.Fail(new InvalidOperationException(
                $"The verdict policy {policy.GetType().Name} failed: {policyError.Message}" +
                (error is null ? "" : $" (scenario error: {error.Message})"), policyError));
        }
    }

    private static ScenarioRunInfo Describe(FeatureSpec feature, ScenarioSpec scenario, List<ScenarioStepRun> steps, DateTimeOffset start)
    {
        var test = TestContext.CurrentContext.Test;
        return new ScenarioRunInfo
        {
            Id = StableId(feature.RelativePath, scenario.TestName),
            FeatureTitle = feature.Title,
            FeatureFile = feature.RelativePath,
            FeatureDescription = feature.Description,
            RuleTitle = scenario.Rule?.Title,
            ScenarioTitle = scenario.Title,
            TestName = test.Name,
            TestFullName = test.FullName,
            Tags = scenario.Tags,
            InheritedTags = scenario.InheritedTags,
            Arguments = scenario.Arguments,
            Steps = steps,
            Start = start,
        };
    }

    /// <summary>The same scenario gets the same id in every run, so reports can track its history.</summary>
    public static string StableId(string featureFile, string testName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(featureFile + "\n" + testName)))[..16];

    private static (ScenarioVerdict Verdict, string? Message) Verdict(ScenarioDisposition disposition, ScenarioStepRun? failedStep, Exception? error) =>
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
        var headline = failedStep is not null && isScenarioError ? $"Step failed: {failedStep}" : "Scenario failed";
        return headline + Environment.NewLine + error.Message;
    }

    private static string? CurrentOutput() =>
        TestExecutionContext.CurrentContext.CurrentResult.Output is { Length: > 0 } output ? output : null;

    private static void Report(ScenarioDisposition disposition, string? message)
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
