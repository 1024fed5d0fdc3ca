using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.EndToEnd.Support;

namespace Rator.Contract.Tests.EndToEnd;

/// <summary>
/// -ReportDir is "always the last run (emptied first)". Emptying must stop at what runs wrote: a user who points it at
/// a folder of their own (`-ReportDir .`, a home or CI workspace folder) must not lose its files: the run refuses it (2).
/// </summary>
public sealed class ReportFolderTests : EndToEndTest
{
    [Test]
    public async Task A_report_folder_holding_files_no_run_wrote_is_not_wiped()
    {
        var scratch = NewScratch("own-folder");
        Directory.CreateDirectory(scratch.ReportDir);
        var own = Path.Combine(scratch.ReportDir, "my-notes.txt");
        File.WriteAllText(own, "not a report");
        await using var target = new FakeTarget(Hostility.IssuesTokens);
        var environment = EnvironmentFiles.ForTarget(target.BaseUrl);

        var run = await Script(scratch, "-Environment", environment.Write(scratch, "target.json"), "-Tags", "@e2e-no-such-tag")
            .WithTargetSecrets().RunAsync();

        File.Exists(own).Should().BeTrue("the run may replace its own reports, never a user's files (exit {0}); {1}", run.ExitCode, run);
        run.ShouldExitWith(2).ShouldShowNoStackTrace();
        run.ShouldShowOneMessage(scratch.ReportDir);
    }

    [Test]
    public async Task A_report_folder_of_a_previous_run_is_emptied_first()
    {
        var scratch = NewScratch("previous-run");
        await using var target = new FakeTarget(Hostility.IssuesTokens);
        var environment = EnvironmentFiles.Write(EnvironmentFiles.ForTarget(target.BaseUrl), scratch, "target.json");
        var first = await Script(scratch, "-Environment", environment, "-Tags", "@e2e-no-such-tag").WithTargetSecrets().RunAsync();
        first.ShouldExitWith(4);
        var stale = Path.Combine(scratch.ReportDir, "allure-results", "stale-result.json");
        File.WriteAllText(stale, "{}");

        var second = await Script(scratch, "-Environment", environment, "-Tags", "@e2e-no-such-tag").WithTargetSecrets().RunAsync();

        second.ShouldExitWith(4);
        File.Exists(stale).Should().BeFalse("the folder always holds the last run only; {0}", second);
    }
}
