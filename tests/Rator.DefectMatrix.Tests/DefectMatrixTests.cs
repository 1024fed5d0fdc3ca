using System.Collections.Concurrent;
using System.Diagnostics;
using FluentAssertions;
using NUnit.Framework;
using Rator.Sandbox;

namespace Rator.DefectMatrix.Tests;

/// <summary>
/// Proves that the suite would fail against a broken deployment: every named defect of the sandbox must
/// make the suite fail, for the right reason. All runs start in OneTimeSetUp (a few at a time, each in its
/// own process) and each test awaits its own, so the report names every defect while the runs overlap.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DefectMatrixTests
{
    private readonly ConcurrentBag<DefectJudgement> _judged = [];
    private readonly Stopwatch _wall = new();
    private SuiteCheckout _checkout = null!;
    private RunQueue _runs = null!;
    private int _concurrency;
    private (SandboxDefect Defect, string Why) _fullSuite;
    private SuiteRun? _compliant;
    private DefectJudgement? _fullSuiteJudgement;

    private static IEnumerable<TestCaseData> Defects() =>
        SandboxDefectCatalog.All.Select(d => new TestCaseData(d.Name).SetArgDisplayNames($"{d.RequirementId} {d.Name}"));

    [OneTimeSetUp]
    public void StartEveryRun()
    {
        _wall.Start();
        _checkout = SuiteCheckout.Locate();
        if (Directory.Exists(_checkout.ReportRoot)) Directory.Delete(_checkout.ReportRoot, recursive: true);
        LocalTools.Restore(_checkout);

        _concurrency = RunConcurrency.FromEnvironment();
        _fullSuite = FullSuiteDefect.Choose(SandboxDefectCatalog.All, DateTime.UtcNow);
        var finished = 0;
        var total = SandboxDefectCatalog.All.Count + 2;
        _runs = new RunQueue(new SuiteProcess(_checkout), _concurrency, run =>
            MatrixConsole.Line(
                $"  [{Interlocked.Increment(ref finished)}/{total}] {run.Request.Label}: exit {run.ExitCode}, {run.Duration.TotalSeconds:0.0} s"));

        // The two full-suite runs are the longest: started first, they overlap with the short ones.
        _runs.Plan(SuiteRunRequest.CompliantFullSuite());
        _runs.Plan(SuiteRunRequest.FullSuiteWith(_fullSuite.Defect));
        foreach (var defect in SandboxDefectCatalog.All) _runs.Plan(SuiteRunRequest.RequirementScenariosWith(defect));
        _runs.Start();

        MatrixConsole.Line(
            $"Defect matrix: {SandboxDefectCatalog.All.Count} defects, {total} runs of run-tests.ps1 ({_checkout.Configuration}), {_concurrency} at a time; " +
            $"full suite with defect {_fullSuite.Defect.Name} ({_fullSuite.Defect.RequirementId}; {_fullSuite.Why}).");
    }

    [Test, Order(1)]
    public async Task The_compliant_sandbox_passes_the_full_suite()
    {
        var run = await Compliant();
        run.Summary.Should().NotBeNull($"the compliant run must write summary.json (exit {run.ExitCode}, {run.ExitCodeMeaning}); its last output:\n{run.OutputTail}");
        MatrixConsole.Line(
            $"Full suite, compliant sandbox: exit {run.ExitCode}, " +
            string.Join(", ", run.Summary!.Counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key}")) + $", {run.Duration.TotalSeconds:0.0} s");
        run.Failing.Should().BeEmpty("no scenario may fail against the compliant sandbox, or no defect's failure means anything");
        run.ExitCode.Should().Be(0, "a compliant deployment passes the gate ({0})", run.ExitCodeMeaning);
    }

    [Test, Order(2), TestCaseSource(nameof(Defects))]
    public async Task The_defect_is_caught_by_its_requirement(string name)
    {
        var defect = SandboxDefectCatalog.All.Single(d => d.Name == name);
        var judgement = DefectJudgement.Of(defect, await _runs.ResultOf(name), await Compliant());
        _judged.Add(judgement);
        judgement.Caught.Should().BeTrue($"defect {name} breaks {defect.RequirementId} ({defect.Description}), but it escaped: {judgement.Reason}");
    }

    [Test, Order(3)]
    public async Task One_defect_fails_the_full_suite_only_in_its_requirement()
    {
        var judgement = DefectJudgement.Of(_fullSuite.Defect, await _runs.ResultOf(SuiteRunRequest.FullSuiteWith(_fullSuite.Defect).Label), await Compliant());
        _fullSuiteJudgement = judgement;
        MatrixConsole.Line(
            $"Full suite, defect {_fullSuite.Defect.Name} ({_fullSuite.Defect.RequirementId}; {_fullSuite.Why}): {judgement.Reason}, " +
            $"{judgement.Unrelated.Count} failure(s) in other requirements ({judgement.Unexpected.Count} not declared collateral), exit {judgement.Run.ExitCode}, {judgement.Run.Duration.TotalSeconds:0.0} s");
        judgement.Caught.Should().BeTrue($"defect {_fullSuite.Defect.Name} must fail the full suite for {_fullSuite.Defect.RequirementId}: {judgement.Reason}");
        judgement.Unexpected.Should().BeEmpty(
            $"defect {_fullSuite.Defect.Name} breaks {_fullSuite.Defect.RequirementId}, so scenarios of other requirements must still pass, " +
            $"except those CollateralFailures declares for it: {DefectJudgement.Names(judgement.Unexpected)}");
    }

    [OneTimeTearDown]
    public async Task WriteTheReport()
    {
        await _runs.StopAsync();
        _wall.Stop();
        var report = MatrixReport.From(_checkout, _concurrency, _wall.Elapsed, _compliant, _fullSuiteJudgement, _fullSuite.Why, _judged.ToList());
        report.Write(_checkout.ReportRoot);

        foreach (var escaped in report.Defects.Where(d => !d.Caught))
            MatrixConsole.Line($"ESCAPED {escaped.Name} ({escaped.Requirement}): {escaped.Reason}");
        MatrixConsole.Line($"Defect matrix report: {Path.Combine(_checkout.ReportRoot, "defect-matrix.md")} ({report.WallSeconds:0.0} s)");
        MatrixConsole.Line(report.Score.ToString());
    }

    private async Task<SuiteRun> Compliant() => _compliant ??= await _runs.ResultOf(SuiteRunRequest.CompliantFullSuite().Label);
}
