using System.Collections.Specialized;
using System.Security.Cryptography;
using System.Text;
using NUnit.Framework;
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
            for (var attempt = 1; ; attempt++)
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
                    Finish(Describe(feature, scenario, steps.ToList(), start), ScenarioDisposition.Fail(notStarted), notStarted, attempt);
                    return;
                }
                var scenarioContext = runner.ScenarioContext;
                scenarioContext.ScenarioContainer.RegisterInstanceAs(TestContext.CurrentContext);

                await runner.OnScenarioStartAsync();
                var (stepRuns, stepError) = await StepRunner.RunAsync(runner, scenario);
                var error = stepError ?? await CollectErrorAsync(runner);

                // Resolved before the scenario ends: ending it disposes the scenario container.
                var policy = ResolvePolicy(scenarioContext);
                var retry = ResolveRetry(scenarioContext);
                try
                {
                    await runner.OnScenarioEndAsync();
                }
                catch (Exception afterScenarioError)
                {
                    error ??= afterScenarioError;
                }

                var info = Describe(feature, scenario, stepRuns, start);
                var disposition = Decide(policy, info, error);
                switch (retry is null ? ScenarioRetry.Stand(disposition) : await DecideRetryAsync(retry, info, disposition, attempt))
                {
                    case ScenarioRetry.Again again:
                        TestContext.Out.WriteLine($"Running the scenario again (attempt {attempt + 1}): {again.Why}");
                        continue;
                    case ScenarioRetry.Final final:
                        Finish(info, final.Disposition, ReferenceEquals(final.Disposition, disposition) ? error : null, attempt);
                        return;
                }
            }
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

    private static void Finish(ScenarioRunInfo info, ScenarioDisposition disposition, Exception? error, int attempts = 1)
    {
        var (verdict, message) = DispositionReport.Verdict(disposition, info.FailedStep, error);
        ScenarioRunLog.Publish(ScenarioRun.From(info, verdict, message, DateTimeOffset.UtcNow, CurrentOutput()) with { Attempts = attempts });
        DispositionReport.Apply(disposition, message);
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

    private static IScenarioRetryPolicy? ResolveRetry(ScenarioContext context) =>
        context.ScenarioContainer.IsRegistered<IScenarioRetryPolicy>() ? context.ScenarioContainer.Resolve<IScenarioRetryPolicy>() : null;

    private static async Task<ScenarioRetry> DecideRetryAsync(IScenarioRetryPolicy retry, ScenarioRunInfo info, ScenarioDisposition disposition, int attempt)
    {
        try
        {
            return await retry.DecideAsync(info, disposition, attempt);
        }
        catch (Exception retryError)
        {
            // A broken retry policy must not hide the verdict the scenario earned.
            TestContext.Error.WriteLine($"The retry policy {retry.GetType().Name} failed: {retryError.Message}");
            return ScenarioRetry.Stand(disposition);
        }
    }

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
            PickleIndex = scenario.PickleIndex,
        };
    }

    /// <summary>The same scenario gets the same id in every run, so reports can track its history.</summary>
    public static string StableId(string featureFile, string testName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(featureFile + "\n" + testName)))[..16];

    private static string? CurrentOutput() =>
        TestExecutionContext.CurrentContext.CurrentResult.Output is { Length: > 0 } output ? output : null;
}
