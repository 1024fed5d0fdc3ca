using System.Collections.Concurrent;
using System.Diagnostics;
using FluentAssertions;
using NUnit.Framework;
using Rator.Sandbox;
using Rator.SuiteRuns;

namespace Rator.DefectMatrix.Tests;

/// <summary>
/// Proves that the suite would fail against a broken deployment: every named defect of the sandbox must
/// make the suite fail, for the right reason, in both dialects (the plain sandbox, and the sandbox with
/// every compatible variant on). All runs start in OneTimeSetUp (a few at a time, each in its own process)
/// and each test awaits its own, so the report names every defect while the runs overlap.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DefectMatrixTests
{
    public const string ReportFolder = "defect-matrix";

    private static readonly IReadOnlyList<SandboxDefect> Catalog = SandboxDefectCatalog.All;

    private readonly ConcurrentBag<DefectJudgement> _judged = [];
    private readonly ConcurrentDictionary<string, FinishedRun> _baselines = [];
    private readonly Stopwatch _wall = new();
    private SuiteCheckout _checkout = null!;
    private RunQueue _runs = null!;
    private int _concurrency;
    private (SandboxDefect Defect, string Why) _fullSuite;
    private DefectJudgement? _fullSuiteJudgement;
    private IReadOnlyList<Dialect> _dialects = Dialect.Both;

    private static IEnumerable<TestCaseData> Baselines() =>
        Dialect.Both.SelectMany(d => d.Baselines(Catalog)).Select(r => new TestCaseData(r.Label).SetArgDisplayNames(r.Label));

    private static IEnumerable<TestCaseData> Defects() =>
        Dialect.Both.SelectMany(dialect => Catalog.Select(d =>
            new TestCaseData(dialect.Name, d.Name).SetArgDisplayNames(
                $"{d.RequirementId} {d.Name}{dialect.ScoreSuffix}" + (dialect.Without(d) is { Count: > 0 } without ? $" but {string.Join(", ", without)}" : ""))));

    [OneTimeSetUp]
    public void StartEveryRun()
    {
        _wall.Start();
        _checkout = SuiteCheckout.Locate();
        _concurrency = RunConcurrency.FromEnvironment();
        _fullSuite = FullSuiteDefect.Choose(Catalog, DateTime.UtcNow);
        _runs = RunQueue.ForMatrix(_checkout, ReportFolder, _concurrency);

        // The full-suite runs are the longest: started first, they overlap with the short ones. The dialects'
        // defect runs alternate, so both scores grow at the same pace.
        _dialects = Dialect.Selected();
        var baselines = _dialects.SelectMany(d => d.Baselines(Catalog)).ToList();
        foreach (var baseline in baselines.Where(b => b.IsFullSuite)) _runs.Plan(baseline);
        if (_dialects.Contains(Dialect.Plain)) _runs.Plan(FullSuiteDefect.RunOf(_fullSuite.Defect));
        foreach (var baseline in baselines.Where(b => !b.IsFullSuite)) _runs.Plan(baseline);
        foreach (var defect in Catalog)
        foreach (var dialect in _dialects)
            _runs.Plan(dialect.DefectRun(defect));
        _runs.Start();

        MatrixConsole.Line(
            $"Defect matrix: {Catalog.Count} defects in {_dialects.Count} dialect(s) ({string.Join(", ", _dialects)}), " +
            $"{_runs.Planned} runs of the suite ({_checkout.Configuration}), {_concurrency} at a time; " +
            $"full suite with defect {_fullSuite.Defect.Name} ({_fullSuite.Defect.RequirementId}; {_fullSuite.Why}).");
        foreach (var conflict in SandboxVariantCatalog.Conflicts)
            MatrixConsole.Line($"  with all variants, {conflict.Defect} runs without {conflict.Variant}: {conflict.Reason}");
    }

    [Test, Order(1), TestCaseSource(nameof(Baselines))]
    public async Task The_compliant_sandbox_passes(string label)
    {
        SkipUnlessSelected(Dialect.Both.Single(d => d.Baselines(Catalog).Any(b => b.Label == label)));
        var run = await Baseline(label);
        run.Summary.Should().NotBeNull($"the compliant run {label} must write summary.json (exit {run.ExitCode}, {run.ExitCodeMeaning}); its last output:\n{run.OutputTail}");
        MatrixConsole.Line($"Compliant, {run.Request}: exit {run.ExitCode}, {run.CountsText}, {run.Duration.TotalSeconds:0.0} s");
        run.Failing.Should().BeEmpty(
            $"no scenario may fail against the compliant sandbox ({run.Request}), or no defect's failure means anything; failing: " +
            string.Join("; ", run.Failing.Select(s => $"\"{s.Name}\": {FinishedRun.Gist(s.Message)}")));
        run.ExitCode.Should().Be(0, "a compliant deployment passes the gate ({0})", run.ExitCodeMeaning);
    }

    [Test, Order(2), TestCaseSource(nameof(Defects))]
    public async Task The_defect_is_caught_by_its_requirement(string dialectName, string name)
    {
        var dialect = Dialect.Both.Single(d => d.Name == dialectName);
        SkipUnlessSelected(dialect);
        var defect = Catalog.Single(d => d.Name == name);
        var judgement = DefectJudgement.Of(defect, dialect, await _runs.ResultOf(dialect.DefectRun(defect).Label),
            await Baseline(dialect.BaselineFor(defect, Catalog).Label));
        _judged.Add(judgement);
        judgement.Caught.Should().BeTrue($"defect {name} breaks {defect.RequirementId} ({defect.Description}), but in the {dialect} it escaped: {judgement.Reason}");
    }

    [Test, Order(3)]
    public async Task One_defect_fails_the_full_suite_only_in_its_requirement()
    {
        SkipUnlessSelected(Dialect.Plain);
        var judgement = DefectJudgement.Of(_fullSuite.Defect, Dialect.Plain, await _runs.ResultOf(FullSuiteDefect.RunOf(_fullSuite.Defect).Label),
            await Baseline(Dialect.Plain.BaselineFor(_fullSuite.Defect, Catalog).Label));
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
        var reportRoot = _checkout.ReportRoot(ReportFolder);
        var report = MatrixReport.From(_checkout, _concurrency, _wall.Elapsed, _baselines.Values.ToList(), _fullSuiteJudgement, _fullSuite.Why, _judged.ToList());
        report.Write(reportRoot);

        foreach (var dialect in report.Dialects)
        foreach (var escaped in dialect.Defects.Where(d => !d.Caught))
            MatrixConsole.Line($"ESCAPED{(dialect.Name == Dialect.Plain.Name ? "" : ", " + dialect.Name + ",")} {escaped.Name} ({escaped.Requirement}): {escaped.Reason}");
        MatrixConsole.Line($"Defect matrix report: {Path.Combine(reportRoot, "defect-matrix.md")} ({report.WallSeconds:0.0} s wall)");
        foreach (var dialect in report.Dialects) MatrixConsole.Line(dialect.Score.ToString());
    }

    private void SkipUnlessSelected(Dialect dialect)
    {
        if (!_dialects.Contains(dialect))
            Assert.Ignore($"{Dialect.SelectionVariable} does not select the {dialect} dialect.");
    }

    private async Task<FinishedRun> Baseline(string label)
    {
        if (_baselines.TryGetValue(label, out var known)) return known;
        var run = await _runs.ResultOf(label);
        return _baselines.GetOrAdd(label, run);
    }
}
