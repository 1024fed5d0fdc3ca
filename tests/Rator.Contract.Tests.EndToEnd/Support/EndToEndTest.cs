using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// Base of every end-to-end fixture: one instance per test (they run in parallel), scratch folders kept when the
/// test fails so the run's reports can be read, and a run started the way a user starts it.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public abstract class EndToEndTest
{
    private readonly List<ScratchFolder> folders = [];

    protected ScratchFolder NewScratch(string purpose)
    {
        var folder = new ScratchFolder(purpose);
        folders.Add(folder);
        return folder;
    }

    protected static ScriptRun Script(ScratchFolder scratch, params string[] arguments) =>
        new ScriptRun(scratch.ReportDir).With(arguments);

    [TearDown]
    public void KeepFilesOfFailedRuns()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Passed)
            folders.ForEach(f => f.Delete());
        else
            folders.ForEach(f => TestContext.Out.WriteLine($"Files of this test kept in {f.Path}"));
    }
}
