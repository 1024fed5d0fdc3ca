using System.Collections.Concurrent;
using System.Diagnostics;
using FluentAssertions;
using NUnit.Framework;
using Rator.SuiteRuns;

namespace Rator.VariantMatrix.Tests;

/// <summary>
/// Proves that the suite passes compliant deployments that are not shaped like its own sandbox: the full
/// suite against each sandbox variant alone and against all of them, 0 failures each, and no verdict worse
/// than against the plain sandbox unless DeservedVerdicts declares it. All runs start in OneTimeSetUp
/// (a few at a time, each in its own process) and each test awaits its own.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class VariantMatrixTests
{
    public const string ReportFolder = "variant-matrix";

    private readonly ConcurrentBag<VariantJudgement> _judged = [];
    private readonly Stopwatch _wall = new();
    private SuiteCheckout _checkout = null!;
    private RunQueue _runs = null!;
    private int _concurrency;
    private FinishedRun? _plain;

    private static IEnumerable<TestCaseData> Variants() =>
        VariantRuns.Variants.Select(v => new TestCaseData(v).SetArgDisplayNames(v));

    [OneTimeSetUp]
    public void StartEveryRun()
    {
        _wall.Start();
        _checkout = SuiteCheckout.Locate();
        _concurrency = RunConcurrency.FromEnvironment();
        _runs = RunQueue.ForMatrix(_checkout, ReportFolder, _concurrency);
        // The plain run first: every judgement compares with it.
        _runs.Plan(VariantRuns.Plain);
        foreach (var variant in VariantRuns.Variants) _runs.Plan(VariantRuns.Of(variant));
        _runs.Start();

        MatrixConsole.Line(
            $"Variant matrix: {VariantRuns.Variants.Count - 1} variants alone and all together, {_runs.Planned} full-suite runs of the suite " +
            $"({_checkout.Configuration}), {_concurrency} at a time; {DeservedVerdicts.All.Count} deserved verdict(s) declared.");
    }

    [Test, Order(1)]
    public async Task The_plain_sandbox_passes_the_full_suite()
    {
        var run = await Plain();
        run.Summary.Should().NotBeNull($"the plain run must write summary.json (exit {run.ExitCode}, {run.ExitCodeMeaning}); its last output:\n{run.OutputTail}");
        MatrixConsole.Line($"Full suite, plain sandbox: exit {run.ExitCode}, {run.CountsText}, {run.Duration.TotalSeconds:0.0} s");
        run.Failing.Should().BeEmpty("the plain sandbox is what every variant is compared with: " +
                                     string.Join("; ", run.Failing.Select(VariantJudgement.Describe)));
        run.ExitCode.Should().Be(0, "a compliant deployment passes the gate ({0})", run.ExitCodeMeaning);
    }

    [Test, Order(2), TestCaseSource(nameof(Variants))]
    public async Task The_variant_passes_with_no_verdict_worse_than_plain(string variant)
    {
        var judgement = VariantJudgement.Of(variant, await _runs.ResultOf(VariantRuns.Of(variant).Label), await Plain(), DeservedVerdicts.All);
        _judged.Add(judgement);
        MatrixConsole.Line($"{(judgement.Passed ? "passed" : "FAILED")} {variant}: {judgement.Reason} ({judgement.Run.Duration.TotalSeconds:0.0} s)");
        judgement.Passed.Should().BeTrue($"the suite must pass the compliant variant {variant} ({VariantMatrixReport.Clause(variant)}): {judgement.Reason}");
    }

    [OneTimeTearDown]
    public async Task WriteTheReport()
    {
        await _runs.StopAsync();
        _wall.Stop();
        var reportRoot = _checkout.ReportRoot(ReportFolder);
        var report = VariantMatrixReport.From(_checkout, _concurrency, _wall.Elapsed, _plain, _judged.ToList());
        report.Write(reportRoot);

        foreach (var variant in report.Variants)
        {
            foreach (var failing in variant.Failing) MatrixConsole.Line($"FAILED {variant.Name}: {failing}");
            foreach (var worse in variant.Worse) MatrixConsole.Line($"WORSE {variant.Name}: {worse}");
            foreach (var deserved in variant.Deserved) MatrixConsole.Line($"DESERVED {variant.Name}: {deserved}");
            foreach (var stale in variant.Stale) MatrixConsole.Line($"STALE {variant.Name}: {stale}");
        }
        MatrixConsole.Line($"Variant matrix report: {Path.Combine(reportRoot, "variant-matrix.md")} ({report.WallSeconds:0.0} s wall)");
        MatrixConsole.Line(report.Score.ToString());
    }

    private async Task<FinishedRun> Plain() => _plain ??= await _runs.ResultOf(VariantRuns.Plain.Label);
}
