using Reqnroll;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Executes a pickle's steps through the runner and records each one: Reqnroll itself only keeps the
/// scenario's status, so a step's own status is read from how that status changed across the call.
/// </summary>
internal static class StepRunner
{
    public static async Task<(List<ScenarioStepRun> Steps, Exception? Error)> RunAsync(ITestRunner runner, ScenarioSpec scenario)
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
}
