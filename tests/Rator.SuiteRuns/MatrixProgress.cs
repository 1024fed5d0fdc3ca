namespace Rator.SuiteRuns;

/// <summary>The progress line a matrix prints as each run ends: "[3/26] variant-scope-omitted: exit 0, 13.1 s".</summary>
public sealed class MatrixProgress(Func<int> total)
{
    private int _finished;

    public void Finished(FinishedRun run) =>
        MatrixConsole.Line($"  [{Interlocked.Increment(ref _finished)}/{total()}] {run.Request.Label}: exit {run.ExitCode}, {run.Duration.TotalSeconds:0.0} s");
}
