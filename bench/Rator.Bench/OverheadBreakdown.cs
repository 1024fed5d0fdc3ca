namespace Rator.Bench;

/// <summary>
/// The suite's own time per exchange above a raw HttpClient doing the same requests, and where it goes. The suite's
/// time is that of its scenarios (expiry waits left out) and of the gaps between them, with one worker. A step that
/// sends a burst at once is counted as if its exchanges had been sent one after another, as the raw loop sends them:
/// otherwise the burst's parallelism would hide the suite's overhead.
/// </summary>
public sealed record OverheadBreakdown(
    int Exchanges,
    double SuitePerExchangeMs,
    double RawPerExchangeMs,
    double InsideExchangeMs,
    double InStepsMs,
    double AroundStepsMs,
    double BetweenScenariosMs,
    double BurstParallelismMs)
{
    /// <summary>Everything the suite does, per exchange: the four parts add up to it.</summary>
    public double TotalMs => SuitePerExchangeMs - RawPerExchangeMs;

    public static OverheadBreakdown From(SuiteReport report, RawReplay.Result raw)
    {
        var measured = report.MeasuredExchanges;
        var count = Math.Max(1, measured.Count);
        var recordedSum = measured.Sum(e => e.Duration?.TotalMilliseconds ?? 0);
        var inSteps = report.ExchangeTimeInSteps.TotalMilliseconds;
        var steps = report.StepTimeOutsideWaits.TotalMilliseconds;
        var scenarios = report.ScenarioTimeOutsideWaits.TotalMilliseconds;
        var gaps = report.GapsBeforeScenarios.TotalMilliseconds;
        var burst = recordedSum - inSteps;
        return new OverheadBreakdown(
            measured.Count,
            SuitePerExchangeMs: (scenarios + gaps + burst) / count,
            RawPerExchangeMs: raw.Mean.TotalMilliseconds,
            InsideExchangeMs: recordedSum / count - raw.Mean.TotalMilliseconds,
            InStepsMs: (steps - inSteps) / count,
            AroundStepsMs: (scenarios - steps) / count,
            BetweenScenariosMs: gaps / count,
            BurstParallelismMs: burst / count);
    }
}
