using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// Base of the fixtures whose tests all read one run, made once in OneTimeSetUp: its scratch folder is deleted
/// when every test passed, and kept (its path printed) as soon as one failed, so the run's reports can be read.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public abstract class SharedRunTest
{
    private bool anyFailed;

    protected ScratchFolder Scratch { get; private set; } = null!;

    protected ScratchFolder NewSharedScratch(string purpose) => Scratch = new ScratchFolder(purpose);

    [TearDown]
    public void NoteFailure() => anyFailed |= TestContext.CurrentContext.Result.Outcome.Status != TestStatus.Passed;

    [OneTimeTearDown]
    public void CleanUp()
    {
        if (anyFailed)
            TestContext.Out.WriteLine($"Files of the shared run kept in {Scratch.Path}");
        else
            Scratch?.Delete();
    }
}
