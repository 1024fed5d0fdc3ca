using System.Text.Json;

namespace Rator.Bench;

/// <summary>One scenario's exchange, placed in time and tagged with whether it ran inside an expiry wait.</summary>
public sealed record TimedExchange(DateTimeOffset ScenarioStart, int Order, bool DuringExpiryWait, RecordedExchange Exchange);

/// <summary>What one suite run left in its report folder: run/status.json and run/scenarios.ndjson.</summary>
public sealed class SuiteReport
{
    /// <summary>The steps that wait for a real expiry (Steps/ExpirySteps.cs).</summary>
    public static readonly IReadOnlySet<string> ExpiryWaitSteps = new HashSet<string>(StringComparer.Ordinal)
    {
        "the access token has expired",
        "the refresh token has expired",
    };

    public required int Scenarios { get; init; }
    public required IReadOnlyDictionary<string, int> Verdicts { get; init; }
    public required DateTimeOffset RunStart { get; init; }
    public required DateTimeOffset RunFinish { get; init; }
    public required DateTimeOffset FirstScenarioStart { get; init; }
    public required DateTimeOffset LastScenarioStop { get; init; }
    public required IReadOnlyList<(DateTimeOffset Start, DateTimeOffset Stop)> ExpiryWaits { get; init; }
    public required IReadOnlyList<TimedExchange> Exchanges { get; init; }

    /// <summary>The exchanges the overhead is measured on: all but those polling inside an expiry wait.</summary>
    public IReadOnlyList<RecordedExchange> MeasuredExchanges => Exchanges.Where(e => !e.DuringExpiryWait).Select(e => e.Exchange).ToList();

    /// <summary>The scenarios' own durations added up, expiry waits left out.</summary>
    public required TimeSpan ScenarioTimeOutsideWaits { get; init; }

    /// <summary>The steps' durations added up, expiry waits left out.</summary>
    public required TimeSpan StepTimeOutsideWaits { get; init; }

    /// <summary>
    /// The part of those steps spent in exchanges: per step, its exchanges' durations added up, but never more
    /// than the step lasted (a step that sends a burst at once spends less time than its exchanges add up to).
    /// </summary>
    public required TimeSpan ExchangeTimeInSteps { get; init; }

    /// <summary>
    /// With one worker: the idle time before each scenario since the one before it ended (NUnit, the run log, the
    /// loggers between two scenarios), added up over the scenarios read.
    /// </summary>
    public required TimeSpan GapsBeforeScenarios { get; init; }

    /// <summary>From the run hook's start to its end: the scenarios plus the sandbox start and preflight.</summary>
    public TimeSpan TestPhase => RunFinish - RunStart;

    public TimeSpan ScenarioSpan => LastScenarioStop - FirstScenarioStart;

    public TimeSpan ExpiryWaitSum => TimeSpan.FromTicks(ExpiryWaits.Sum(w => (w.Stop - w.Start).Ticks));

    /// <summary>The time during which at least one expiry wait was running: equals the sum when they add up.</summary>
    public TimeSpan ExpiryWaitElapsed
    {
        get
        {
            var total = TimeSpan.Zero;
            DateTimeOffset? coveredUntil = null;
            foreach (var (start, stop) in ExpiryWaits.OrderBy(w => w.Start))
            {
                var from = coveredUntil is { } c && c > start ? c : start;
                if (stop > from) total += stop - from;
                if (coveredUntil is null || stop > coveredUntil) coveredUntil = stop;
            }
            return total;
        }
    }

    public TimeSpan LongestExpiryWait => ExpiryWaits.Count == 0 ? TimeSpan.Zero : ExpiryWaits.Max(w => w.Stop - w.Start);

    /// <param name="includeFeature">
    /// Which scenarios to read, by feature file ("Features/…"); all by default. The others still count as the
    /// scenarios before a read one, for <see cref="GapsBeforeScenarios"/>.
    /// </param>
    public static SuiteReport Read(string reportDir, Func<string, bool>? includeFeature = null)
    {
        using var status = JsonDocument.Parse(File.ReadAllText(Path.Combine(reportDir, "run", "status.json")));
        var verdicts = new Dictionary<string, int>(StringComparer.Ordinal);
        var waits = new List<(DateTimeOffset, DateTimeOffset)>();
        var exchanges = new List<TimedExchange>();
        var starts = new List<DateTimeOffset>();
        var stops = new List<DateTimeOffset>();
        var scenarioTime = TimeSpan.Zero;
        var stepTime = TimeSpan.Zero;
        var exchangeTime = TimeSpan.Zero;

        var timeline = new List<(DateTimeOffset Start, DateTimeOffset Stop, bool Included)>();
        foreach (var line in File.ReadLines(Path.Combine(reportDir, "run", "scenarios.ndjson")))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var scenario = doc.RootElement;
            var included = includeFeature?.Invoke(scenario.GetProperty("featureFile").GetString() ?? "") ?? true;
            timeline.Add((scenario.GetProperty("start").GetDateTimeOffset(), scenario.GetProperty("stop").GetDateTimeOffset(), included));
            if (!included) continue;
            var verdict = scenario.GetProperty("verdict").GetString() ?? "?";
            verdicts[verdict] = verdicts.GetValueOrDefault(verdict) + 1;
            var start = scenario.GetProperty("start").GetDateTimeOffset();
            starts.Add(start);
            stops.Add(scenario.GetProperty("stop").GetDateTimeOffset());
            scenarioTime += stops[^1] - start;

            var waitSteps = new HashSet<int>();
            var stepDurations = new List<TimeSpan>();
            var index = 0;
            foreach (var step in scenario.GetProperty("steps").EnumerateArray())
            {
                var (stepStart, stepStop) = (step.GetProperty("start").GetDateTimeOffset(), step.GetProperty("stop").GetDateTimeOffset());
                stepDurations.Add(stepStop - stepStart);
                if (ExpiryWaitSteps.Contains(step.GetProperty("text").GetString() ?? "") && step.GetProperty("status").GetString() == "passed")
                {
                    waitSteps.Add(index);
                    waits.Add((stepStart, stepStop));
                    scenarioTime -= stepStop - stepStart;
                }
                else
                {
                    stepTime += stepStop - stepStart;
                }
                index++;
            }

            var order = 0;
            var exchangeTimeByStep = new Dictionary<int, TimeSpan>();
            foreach (var evidence in scenario.GetProperty("evidence").EnumerateArray())
            {
                var title = evidence.GetProperty("title").GetString() ?? "";
                if (!title.StartsWith('#')) continue; // only exchange renderings start with their sequence number
                var stepIndex = evidence.TryGetProperty("stepIndex", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : -1;
                var exchange = RecordedExchange.Parse(evidence.GetProperty("content").GetString() ?? "", title);
                exchanges.Add(new TimedExchange(start, order++, waitSteps.Contains(stepIndex), exchange));
                exchangeTimeByStep[stepIndex] = exchangeTimeByStep.GetValueOrDefault(stepIndex) + (exchange.Duration ?? TimeSpan.Zero);
            }
            foreach (var (stepIndex, time) in exchangeTimeByStep)
                if (stepIndex >= 0 && stepIndex < stepDurations.Count && !waitSteps.Contains(stepIndex))
                    exchangeTime += time < stepDurations[stepIndex] ? time : stepDurations[stepIndex];
        }

        var gaps = TimeSpan.Zero;
        DateTimeOffset? lastStop = null;
        foreach (var (start, stop, included) in timeline.OrderBy(t => t.Start))
        {
            if (included && lastStop is { } previous && start > previous)
                gaps += start - previous;
            if (lastStop is null || stop > lastStop)
                lastStop = stop;
        }

        return new SuiteReport
        {
            GapsBeforeScenarios = gaps,
            Scenarios = starts.Count,
            Verdicts = verdicts,
            RunStart = status.RootElement.GetProperty("startedAt").GetDateTimeOffset(),
            RunFinish = status.RootElement.GetProperty("finishedAt").GetDateTimeOffset(),
            FirstScenarioStart = starts.Min(),
            LastScenarioStop = stops.Max(),
            ExpiryWaits = waits,
            ScenarioTimeOutsideWaits = scenarioTime,
            StepTimeOutsideWaits = stepTime,
            ExchangeTimeInSteps = exchangeTime,
            Exchanges = exchanges.OrderBy(e => e.ScenarioStart).ThenBy(e => e.Order).ToList(),
        };
    }
}
