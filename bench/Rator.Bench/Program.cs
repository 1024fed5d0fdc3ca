using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Rator.Bench;
using static Rator.Bench.FigureTable;

// The suite's speed figures in one table: suite runs through run-tests.ps1 (50 ms latency with 1 and 4 workers,
// no latency with the default workers), each --repeat times, and a raw HttpClient replay of the median 1-worker
// run's exchanges.
// First, the main command as a user types it (warm, unchanged) against the launcher it replaced, with the ratio to its
// critical path (MainCommand).
// Usage: dotnet run --project bench/Rator.Bench -c Release -- [--latency 50] [--workers 4] [--repeat 3] [--out reports/bench] [--no-build]
//        [--main-runs 5] [--main-only]
var options = Options.Parse(args);
var repo = options.Repo;
var output = Path.GetFullPath(options.Out, repo);
Directory.CreateDirectory(output);
var cores = Environment.ProcessorCount;
var loadBefore = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

if (!options.NoBuild)
{
    Console.WriteLine("Building the suite (Release)...");
    var build = Process.Start("dotnet", ["build", Path.Combine(repo, "Rator.Contract.Tests.csproj"), "-c", "Release", "--nologo", "-v", "quiet"]);
    await build.WaitForExitAsync();
    if (build.ExitCode != 0) { Console.Error.WriteLine("The suite does not build."); return 2; }
}

async Task<SuiteInvocation.Outcome> Run(int? workers, int latency, string name)
{
    Console.WriteLine($"Running the suite: {workers?.ToString() ?? "default"} worker(s), {latency} ms latency...");
    var outcome = await new SuiteInvocation(repo, workers, latency, Path.Combine(output, name)).RunAsync();
    Console.WriteLine($"  exit {outcome.ExitCode}, {outcome.Workers} workers, {Seconds(outcome.Wall)} wall, {outcome.Report.Scenarios} scenarios, {outcome.Report.Exchanges.Count} exchanges");
    return outcome;
}

var secrets = FixtureSecrets.Load(Path.Combine(repo, "environments", "local.json"));
async Task<(OverheadBreakdown Breakdown, RawReplay.Result Raw)> Overhead(SuiteReport report)
{
    var raw = await RawReplay.RunAsync(report.MeasuredExchanges, options.LatencyMs, secrets);
    return (OverheadBreakdown.From(report, raw), raw);
}

if (options.ReplayOnly is { } reportDir)
{
    // Only the replay, against an existing 1-worker report: for checking the overhead figure quickly.
    var (breakdown, result) = await Overhead(SuiteReport.Read(Path.GetFullPath(reportDir)));
    Console.WriteLine($"{breakdown.Exchanges} exchanges: suite {Ms(breakdown.SuitePerExchangeMs)}, raw {Ms(breakdown.RawPerExchangeMs)} per exchange " +
        $"(same status {result.SameStatus}); overhead {Signed(breakdown.TotalMs)}");
    return 0;
}

var main = await new MainCommand(repo, output).MeasureAsync(options.MainRuns);
var mainTable = new FigureTable();
AddMainFigures(mainTable, main);
if (options.MainOnly)
{
    var mainMarkdown = $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {cores} cores (load average before: {loadBefore}), commit {await GitCommit(repo)}, " +
                       $"{options.MainRuns} runs of each launcher, interleaved.\n\n" + mainTable.ToMarkdown();
    Console.WriteLine();
    Console.WriteLine(mainMarkdown);
    await File.WriteAllTextAsync(Path.Combine(output, "bench-main.md"), mainMarkdown);
    return mainTable.AllTargetsMet ? 0 : 1;
}

// Each configuration runs --repeat times, interleaved (1 worker, N workers, no latency, then again), so that a
// slow moment of the machine does not land on one configuration only. Figures come from the median run.
var ones = new List<SuiteInvocation.Outcome>();
var manys = new List<SuiteInvocation.Outcome>();
var plains = new List<SuiteInvocation.Outcome>();
for (var round = 1; round <= options.Repeat; round++)
{
    var suffix = options.Repeat == 1 ? "" : $"-{round}";
    ones.Add(await Run(1, options.LatencyMs, "latency-1-worker" + suffix));
    manys.Add(await Run(options.Workers, options.LatencyMs, $"latency-{options.Workers}-workers" + suffix));
    // As a user runs it after a build: run-tests.ps1 -NoBuild with its default number of workers.
    plains.Add(await Run(null, 0, "no-latency" + suffix));
}
var one = Median(ones);
var many = Median(manys);
var plain = Median(plains);

Console.WriteLine("Running the scenarios twice in one process, 1 worker (the second pass is measured)...");
var warmReport = SuiteReport.Read(await WarmRun.RunAsync(repo, options.LatencyMs, output), WarmRun.IsMeasured);
Console.WriteLine("Replaying the exchanges with a raw HttpClient (measured pass, then the median 1-worker run)...");
var (warm, warmRaw) = await Overhead(warmReport);
var (cold, _) = await Overhead(one.Report);

var wallRatio = many.Wall / one.Wall;
var phaseRatio = many.Report.TestPhase / one.Report.TestPhase;
// The spread of the ratio over the rounds, each N-worker run against the 1-worker run of its own round.
var roundRatios = ones.Zip(manys, (a, b) => b.Wall / a.Wall).Order().ToList();
var waits = plain.Report;

var table = new FigureTable();
AddMainFigures(table, main);
table.Add($"Suite wall time, 1 worker ({options.LatencyMs} ms latency; run-tests.ps1 -NoBuild, end to end)", Seconds(one.Wall) + Spread(ones));
table.Add($"Suite wall time, {options.Workers} workers ({options.LatencyMs} ms latency)", Seconds(many.Wall) + Spread(manys));
table.Add($"Ratio {options.Workers} workers / 1 worker, end to end (medians)", Ratio(wallRatio) +
    (roundRatios.Count > 1 ? $" (rounds {Ratio(roundRatios[0])}–{Ratio(roundRatios[^1])})" : ""), "≤ 0.35", wallRatio <= 0.35);
table.Add("Test phase (run hooks' start → end), 1 worker / " + options.Workers + " workers",
    $"{Seconds(one.Report.TestPhase)} / {Seconds(many.Report.TestPhase)}");
table.Add($"Ratio {options.Workers} workers / 1 worker, test phase", Ratio(phaseRatio), "≤ 0.35", phaseRatio <= 0.35);
table.Add("HTTP exchanges per run (1 worker; of which polling inside expiry waits)",
    $"{one.Report.Exchanges.Count} ({one.Report.Exchanges.Count(e => e.DuringExpiryWait)})");
table.Add("Expiry waits: count, sum of the wait steps (1 worker)", $"{one.Report.ExpiryWaits.Count}, {Seconds(one.Report.ExpiryWaitSum)}");
table.Add($"Expiry waits elapsed with {options.Workers} workers (sum {Seconds(many.Report.ExpiryWaitSum)}, longest {Seconds(many.Report.LongestExpiryWait)})",
    Seconds(many.Report.ExpiryWaitElapsed));
table.Add("Suite time per exchange, steady state (1 worker, the second pass of every scenario in one process; expiry waits left out)", Ms(warm.SuitePerExchangeMs));
table.Add($"Raw HttpClient per exchange, the same {warmRaw.Exchanges} requests in the same order, after a warm-up (same status: {warmRaw.SameStatus})", Ms(warm.RawPerExchangeMs));
table.Add("Suite overhead per exchange above raw HttpClient, steady state (everything the suite does, per exchange)", Signed(warm.TotalMs), "≤ +2 ms", warm.TotalMs <= 2);
table.Add("  of which inside the exchange (suite's recorded exchange duration − raw; the client stack alone)", Signed(warm.InsideExchangeMs), "≤ +2 ms", warm.InsideExchangeMs <= 2);
table.Add("  of which in steps, outside the exchanges (requests built, assertions, evidence)", Signed(warm.InStepsMs));
table.Add("  of which in scenarios, around the steps (scenario hooks, Reqnroll start/end)", Signed(warm.AroundStepsMs));
table.Add($"  of which between scenarios ({warmReport.Scenarios} scenarios: NUnit, run log, loggers)", Signed(warm.BetweenScenariosMs));
table.Add("  not counted as saved: a burst step's exchanges sent at once (counted as if one after another, like the raw loop)", Ms(warm.BurstParallelismMs));
table.Add("Suite overhead per exchange, cold (the 1-worker run's only pass: JIT and every first time included; no target)", Signed(cold.TotalMs));
table.Add($"Whole suite, no latency, default workers ({plain.Workers}) on {cores} cores (run-tests.ps1 -NoBuild, end to end)", Seconds(plain.Wall) + Spread(plains),
    "< 20 s", plains.All(p => p.Wall < TimeSpan.FromSeconds(20)));
table.Add("  test phase / scenario span", $"{Seconds(plain.Report.TestPhase)} / {Seconds(plain.Report.ScenarioSpan)}");
var overlapping = waits.ExpiryWaitElapsed <= waits.LongestExpiryWait + TimeSpan.FromSeconds(1);
table.Add($"  expiry waits elapsed (sum {Seconds(waits.ExpiryWaitSum)}, longest {Seconds(waits.LongestExpiryWait)})",
    Seconds(waits.ExpiryWaitElapsed), "≤ longest + 1 s (overlapping)", overlapping);
string Verdicts(SuiteInvocation.Outcome o) => string.Join(", ", o.Report.Verdicts.OrderBy(v => v.Key).Select(v => $"{v.Value} {v.Key}")) + $" (exit {o.ExitCode})";
// Speed that came with failures would not count: every run must end with exit code 0.
var failedRuns = ones.Concat(manys).Concat(plains).Count(o => o.ExitCode != 0);
table.Add($"Verdicts: 1 worker · {options.Workers} workers · no latency", $"{Verdicts(one)} · {Verdicts(many)} · {Verdicts(plain)}",
    "exit 0 in every run", failedRuns == 0);

var commit = await GitCommit(repo);
var runs = options.Repeat == 1 ? "one run of each" : $"{options.Repeat} runs of each, interleaved; the median run's figures, the spread in brackets";
var heading = $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {cores} cores (load average before: {loadBefore}), commit {commit}, {runs}.";
var markdown = heading + "\n\n" + table.ToMarkdown();
Console.WriteLine();
Console.WriteLine(markdown);
await File.WriteAllTextAsync(Path.Combine(output, "bench.md"), markdown);
await File.WriteAllTextAsync(Path.Combine(output, "bench.json"), JsonSerializer.Serialize(new
{
    measuredAt = DateTime.UtcNow, cores, loadBefore, commit, latencyMs = options.LatencyMs, workers = options.Workers, repeat = options.Repeat,
    wallSeconds = new { oneWorker = ones.Select(o => o.Wall.TotalSeconds), manyWorkers = manys.Select(o => o.Wall.TotalSeconds), noLatency = plains.Select(o => o.Wall.TotalSeconds) },
    roundRatios,
    oneWorker = new { wallSeconds = one.Wall.TotalSeconds, testPhaseSeconds = one.Report.TestPhase.TotalSeconds, exchanges = one.Report.Exchanges.Count, expiryWaitSeconds = one.Report.ExpiryWaitSum.TotalSeconds },
    manyWorkers = new { wallSeconds = many.Wall.TotalSeconds, testPhaseSeconds = many.Report.TestPhase.TotalSeconds, expiryWaitElapsedSeconds = many.Report.ExpiryWaitElapsed.TotalSeconds },
    ratioEndToEnd = wallRatio, ratioTestPhase = phaseRatio,
    overheadSteadyState = warm, overheadCold = cold, replayedExchanges = warmRaw.Exchanges, replaySameStatus = warmRaw.SameStatus,
    noLatency = new { wallSeconds = plain.Wall.TotalSeconds, testPhaseSeconds = plain.Report.TestPhase.TotalSeconds, expiryWaitSumSeconds = waits.ExpiryWaitSum.TotalSeconds, expiryWaitElapsedSeconds = waits.ExpiryWaitElapsed.TotalSeconds },
    mainCommand = new
    {
        currentSeconds = main.Current.Select(r => r.Wall.TotalSeconds), previousSeconds = main.Previous.Select(r => r.Wall.TotalSeconds),
        currentMedianSeconds = main.CurrentMedian.TotalSeconds, previousMedianSeconds = main.PreviousMedian.TotalSeconds,
        criticalPathSeconds = main.CriticalPath.TotalSeconds, ratio = main.Ratio,
    },
    allTargetsMet = table.AllTargetsMet,
}, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"Reports of the runs and bench.md/bench.json in {output}");
return table.AllTargetsMet ? 0 : 1;

static void AddMainFigures(FigureTable table, MainCommand.Figures main)
{
    static string Range(IReadOnlyList<MainCommand.Run> runs) =>
        $" ({Seconds(runs.Min(r => r.Wall))}–{Seconds(runs.Max(r => r.Wall))}, {runs.Count} runs)";
    var longest = main.Current.OrderBy(r => r.LongestScenario).ElementAt(main.Current.Count / 2);
    table.Add("Main command `dotnet pwsh ./run-tests.ps1`, warm and unchanged, whole process (median)", Seconds(main.CurrentMedian) + Range(main.Current));
    table.Add($"  the previous launcher ({MainCommand.PreviousCommit}: dotnet build, dotnet test → vstest → testhost, finish), the same way", Seconds(main.PreviousMedian) + Range(main.Previous));
    table.Add($"  critical path: the longest scenario ({longest.LongestScenarioName})", Seconds(main.CriticalPath));
    table.Add("  ratio main command / critical path", Ratio(main.Ratio), "≤ 1.5", main.Ratio <= 1.5);
    var failed = main.Current.Concat(main.Previous).Count(r => r.ExitCode != 0);
    table.Add("  exit codes of these runs", failed == 0 ? "0 in every run" : $"{failed} runs not 0", "exit 0 in every run", failed == 0);
}

// The run with the median wall time (the upper one of an even count).
static SuiteInvocation.Outcome Median(List<SuiteInvocation.Outcome> runs) => runs.OrderBy(r => r.Wall).ElementAt(runs.Count / 2);

static string Spread(List<SuiteInvocation.Outcome> runs) =>
    runs.Count < 2 ? "" : $" ({Seconds(runs.Min(r => r.Wall))}–{Seconds(runs.Max(r => r.Wall))})";

static async Task<string> GitCommit(string repo)
{
    try
    {
        var git = Process.Start(new ProcessStartInfo("git", ["-C", repo, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true })!;
        var sha = (await git.StandardOutput.ReadToEndAsync()).Trim();
        await git.WaitForExitAsync();
        return git.ExitCode == 0 ? sha : "unknown";
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "unknown";
    }
}

internal sealed record Options(string Repo, int LatencyMs, int Workers, int Repeat, string Out, bool NoBuild, string? ReplayOnly, int MainRuns, bool MainOnly)
{
    public static Options Parse(string[] args)
    {
        var latency = 50;
        var workers = 4;
        var repeat = 3;
        var outDir = "reports/bench";
        var noBuild = false;
        string? replayOnly = null;
        var mainRuns = 5;
        var mainOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--latency": latency = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--workers": workers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture)); break;
                case "--out": outDir = args[++i]; break;
                case "--no-build": noBuild = true; break;
                case "--replay-only": replayOnly = args[++i]; break;
                case "--main-runs": mainRuns = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture)); break;
                case "--main-only": mainOnly = true; break;
                default: throw new ArgumentException($"Unknown argument {args[i]}; known: --latency N, --workers N, --repeat N, --out DIR, --no-build, --replay-only REPORTDIR, --main-runs N, --main-only");
            }
        }
        return new Options(FindRepo(), latency, workers, repeat, outDir, noBuild, replayOnly, mainRuns, mainOnly);
    }

    /// <summary>The repository root: the nearest folder above the working directory holding run-tests.ps1.</summary>
    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "run-tests.ps1")))
                return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from inside the repository (no run-tests.ps1 above the working directory).");
    }
}
