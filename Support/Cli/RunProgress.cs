using NUnit.Framework.Interfaces;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Support.Cli;

/// <summary>
/// The progress line of an in-process run, counted from NUnit's own events: rewritten in place on a terminal,
/// one line every few seconds in a CI log.
/// </summary>
public sealed class RunProgress : ITestListener, IDisposable
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
        timer = new Timer(_ => Print(), null, TimeSpan.Zero, Tick);
    }

    public void TestStarted(ITest test)
    {
    }

    public void TestFinished(ITestResult result)
    {
        // Scenarios only, as the run log counts them: not the fixtures, not the preflight's verdict.
        if (result.Test.IsSuite || result.Test.TypeInfo?.Type != typeof(GherkinScenarioFixture))
            return;
        Interlocked.Increment(ref finished);
        if (result.ResultState.Status == TestStatus.Failed)
            Interlocked.Increment(ref failing);
    }

    public void TestOutput(TestOutput output)
    {
    }

    public void SendMessage(TestMessage message)
    {
    }

    public void Dispose()
    {
        timer.Dispose();
        lock (gate)
        {
            if (interactive && printedFinished >= 0)
                output.WriteLine();
            output.Flush();
        }
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
