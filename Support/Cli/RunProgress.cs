using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Support.Cli;

/// <summary>
/// The progress line of an in-process run: the scenarios in the run log (none when the run could not start), rewritten
/// in place on a terminal, one line every few seconds in a CI log.
/// </summary>
public sealed class RunProgress : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan CiInterval = TimeSpan.FromSeconds(5);

    private readonly TextWriter output;
    private readonly bool interactive;
    private readonly Timer timer;
    private readonly object gate = new();
    private int finished;
    private int failing;
    private int printedFinished = -1;
    private DateTime lastPrinted = DateTime.MinValue;

    public RunProgress(TextWriter output, bool interactive)
    {
        this.output = output;
        this.interactive = interactive;
        ScenarioLog.Appended += Count;
        timer = new Timer(_ => Print(), null, TimeSpan.Zero, Tick);
    }

    public void Dispose()
    {
        ScenarioLog.Appended -= Count;
        timer.Dispose();
        lock (gate)
        {
            if (interactive && printedFinished >= 0)
                output.WriteLine();
            output.Flush();
        }
    }

    /// <summary>A line of its own between progress lines (an outage the run waits out, say).</summary>
    public void Announce(string line)
    {
        lock (gate)
        {
            if (interactive && printedFinished >= 0)
                output.WriteLine();
            output.WriteLine("  " + line);
            // The progress line is printed anew under it.
            printedFinished = -1;
            output.Flush();
        }
    }

    private void Count(ScenarioResult result)
    {
        Interlocked.Increment(ref finished);
        if (result.Verdict is Verdicts.Failed or Verdicts.Error)
            Interlocked.Increment(ref failing);
    }

    private void Print()
    {
        lock (gate)
        {
            // Only when the count moved: a run that waits (a slow target, the long expiry) adds no lines.
            var done = Volatile.Read(ref finished);
            if (done == printedFinished)
                return;
            if (interactive)
            {
                output.Write($"\r  {done} scenarios finished, {Volatile.Read(ref failing)} failing   ");
            }
            else
            {
                if (DateTime.UtcNow - lastPrinted < CiInterval)
                    return;
                output.WriteLine($"  {done} scenarios finished, {Volatile.Read(ref failing)} failing");
                lastPrinted = DateTime.UtcNow;
            }
            printedFinished = done;
            output.Flush();
        }
    }
}
