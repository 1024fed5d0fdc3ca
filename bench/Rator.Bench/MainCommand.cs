using System.Diagnostics;
using System.Text.Json;

namespace Rator.Bench;

/// <summary>
/// The main command as a user types it, warm and with nothing changed — `dotnet pwsh ./run-tests.ps1`, build check
/// included — against the launcher it replaced (run-tests.ps1 at <see cref="PreviousCommit"/>: `dotnet build`, then
/// `dotnet test` with VSTest's loggers and a separate finish), run the same way, one after the other in each round.
/// Its critical path is the longest scenario of the run: no run can end sooner.
/// </summary>
public sealed class MainCommand(string repo, string output)
{
    /// <summary>The last commit whose run-tests.ps1 ran the suite through `dotnet build` and `dotnet test`.</summary>
    public const string PreviousCommit = "03f8511";

    /// <summary>Where the previous launcher is written: at the root, since it finds the project from its own folder (gitignored).</summary>
    public const string PreviousScript = "run-tests.previous.ps1";

    public sealed record Run(TimeSpan Wall, int ExitCode, TimeSpan LongestScenario, string LongestScenarioName);

    public sealed record Figures(IReadOnlyList<Run> Current, IReadOnlyList<Run> Previous)
    {
        public TimeSpan CurrentMedian => Median(Current.Select(r => r.Wall));
        public TimeSpan PreviousMedian => Median(Previous.Select(r => r.Wall));
        public TimeSpan CriticalPath => Median(Current.Select(r => r.LongestScenario));
        public double Ratio => CurrentMedian / CriticalPath;
    }

    public async Task<Figures> MeasureAsync(int runs)
    {
        await WritePreviousScriptAsync();
        // One run of each first: the build is current and stamped, the files are in the page cache.
        Console.WriteLine("Main command: a warm-up run of each launcher...");
        await RunOnceAsync("run-tests.ps1", "main-warmup");
        await RunOnceAsync(PreviousScript, "previous-warmup");
        var current = new List<Run>();
        var previous = new List<Run>();
        for (var i = 1; i <= runs; i++)
        {
            current.Add(await RunOnceAsync("run-tests.ps1", $"main-{i}"));
            previous.Add(await RunOnceAsync(PreviousScript, $"previous-{i}"));
            Console.WriteLine($"  round {i}: main {current[^1].Wall.TotalSeconds:0.0} s, previous {previous[^1].Wall.TotalSeconds:0.0} s " +
                              $"(longest scenario {current[^1].LongestScenario.TotalSeconds:0.0} s)");
        }
        return new Figures(current, previous);
    }

    private async Task<Run> RunOnceAsync(string script, string name)
    {
        var reportDir = Path.Combine(output, name);
        var environment = new Dictionary<string, string?> { ["RATOR_ENVIRONMENT"] = null, ["RATOR_SANDBOX_LATENCY_MS"] = null };
        var result = await DotnetProcess.RunAsync(["pwsh", "-NoProfile", "-File", Path.Combine(repo, script), "-ReportDir", reportDir],
            environment, reportDir + ".log", repo);
        var (longest, title) = LongestScenario(Path.Combine(reportDir, "summary.json"));
        return new Run(result.Wall, result.ExitCode, longest, title);
    }

    private static (TimeSpan Duration, string Name) LongestScenario(string summaryPath)
    {
        if (!File.Exists(summaryPath))
            return (TimeSpan.Zero, "no summary.json");
        using var summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
        var longest = summary.RootElement.GetProperty("scenarios").EnumerateArray()
            .Select(s => (Ms: s.GetProperty("durationMs").GetDouble(), Name: s.GetProperty("name").GetString() ?? ""))
            .MaxBy(s => s.Ms);
        return (TimeSpan.FromMilliseconds(longest.Ms), longest.Name);
    }

    private async Task WritePreviousScriptAsync()
    {
        var git = Process.Start(new ProcessStartInfo("git", ["-C", repo, "show", $"{PreviousCommit}:run-tests.ps1"]) { RedirectStandardOutput = true })!;
        var text = await git.StandardOutput.ReadToEndAsync();
        await git.WaitForExitAsync();
        if (git.ExitCode != 0)
            throw new InvalidOperationException($"git show {PreviousCommit}:run-tests.ps1 failed: the previous launcher needs the repository's history.");
        await File.WriteAllTextAsync(Path.Combine(repo, PreviousScript), text);
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[sorted.Count / 2];
    }
}
