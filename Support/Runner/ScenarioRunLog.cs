using System.Collections.Concurrent;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Every scenario finished in this run, in completion order, published once its verdict is final.
/// Scenarios of different features finish on different threads: subscribers must be thread-safe.
/// </summary>
public static class ScenarioRunLog
{
    private static readonly ConcurrentQueue<ScenarioRun> Finished = new();

    /// <summary>Raised on the scenario's own thread, after it is added to <see cref="Runs"/>.</summary>
    public static event Action<ScenarioRun>? ScenarioFinished;

    /// <summary>A snapshot of the scenarios finished so far.</summary>
    public static IReadOnlyList<ScenarioRun> Runs => Finished.ToArray();

    internal static void Publish(ScenarioRun run)
    {
        Finished.Enqueue(run);
        var handlers = ScenarioFinished;
        if (handlers is null)
            return;
        foreach (var handler in handlers.GetInvocationList().Cast<Action<ScenarioRun>>())
        {
            // A broken report subscriber must not change a scenario's verdict, nor starve the others.
            try { handler(run); }
            catch (Exception ex) { NUnit.Framework.TestContext.Error.WriteLine($"ScenarioRunLog subscriber failed: {ex}"); }
        }
    }
}
