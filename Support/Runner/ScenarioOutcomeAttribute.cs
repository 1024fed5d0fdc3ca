using System.Runtime.CompilerServices;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Sets a scenario's NUnit outcome once the test has completed. NUnit 4 records a failed Assert.That in the
/// result even though Reqnroll caught the exception, and a recorded failure outranks Assert.Warn or
/// Assert.Ignore; so a warning, skip or pass decided by the verdict policy is applied here, after NUnit has
/// computed its own result, where nothing can override it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenarioOutcomeAttribute : Attribute, IWrapSetUpTearDown
{
    private static readonly ConditionalWeakTable<ITest, Outcome> Decided = new();

    public TestCommand Wrap(TestCommand command) => new ApplyOutcomeCommand(command);

    /// <summary>Called by the test body: the outcome the current test must end with.</summary>
    internal static void Decide(ResultState state, string message) =>
        Decided.AddOrUpdate(TestExecutionContext.CurrentContext.CurrentTest, new Outcome(state, message));

    private sealed record Outcome(ResultState State, string Message);

    private sealed class ApplyOutcomeCommand(TestCommand inner) : DelegatingTestCommand(inner)
    {
        public override TestResult Execute(TestExecutionContext context)
        {
            var result = innerCommand.Execute(context);
            if (Decided.TryGetValue(context.CurrentTest, out var outcome))
            {
                Decided.Remove(context.CurrentTest);
                result.SetResult(outcome.State, outcome.Message);
            }
            return result;
        }
    }
}
