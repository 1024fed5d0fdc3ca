namespace Rator.Contract.Tests.Support.Evidence;

/// <summary>
/// Every answer the deployment gave in the run, handed over by each scenario as it ends, for the rules judged over
/// every answer of a kind. It also knows which scenarios are still running, so that a judgement can wait for them.
/// Thread-safe: scenarios end on many threads.
/// </summary>
public sealed class RunAnswers
{
    private readonly Lock gate = new();
    private readonly List<RecordedAnswer> answers = [];
    private readonly HashSet<string> finished = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> running = new(StringComparer.Ordinal);

    /// <summary>A scenario started: it counts as running until it hands its answers over.</summary>
    public void Started(string scenario)
    {
        lock (gate)
        {
            running[scenario] = running.GetValueOrDefault(scenario) + 1;
        }
    }

    /// <summary>A scenario ended: its answers join the run's.</summary>
    public void Finished(string scenario, IEnumerable<RecordedAnswer> recorded)
    {
        lock (gate)
        {
            answers.AddRange(recorded);
            finished.Add(scenario);
            if (running.TryGetValue(scenario, out var count))
            {
                if (count <= 1)
                    running.Remove(scenario);
                else
                    running[scenario] = count - 1;
            }
        }
    }

    /// <summary>The answers handed over so far, in the order the scenarios ended.</summary>
    public IReadOnlyList<RecordedAnswer> All
    {
        get
        {
            lock (gate)
            {
                return [.. answers];
            }
        }
    }

    /// <summary>How many scenarios have ended so far, whether or not they sent anything.</summary>
    public int FinishedScenarios
    {
        get
        {
            lock (gate)
            {
                return finished.Count;
            }
        }
    }

    /// <summary>
    /// Waits until no scenario but <paramref name="self"/> is running, at most <paramref name="limit"/>; returns the
    /// scenarios still running then (none when they all ended). Only scenarios that have started are waited for, so a
    /// scenario queued behind the caller can never hold it: there is no deadlock to fear, only a bound to respect.
    /// </summary>
    public async Task<IReadOnlyList<string>> WaitForOthersAsync(string self, TimeSpan limit)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        while (true)
        {
            List<string> others;
            lock (gate)
            {
                others = running.Keys.Where(s => !string.Equals(s, self, StringComparison.Ordinal)).ToList();
            }

            if (others.Count == 0 || DateTimeOffset.UtcNow >= deadline)
                return others;
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
