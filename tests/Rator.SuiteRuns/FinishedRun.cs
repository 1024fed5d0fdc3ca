using Rator.Contract.Tests.Support.Reporting;

namespace Rator.SuiteRuns;

/// <summary>A finished run: its exit code, how long it took, its summary.json (absent when the run ended before writing one).</summary>
public sealed record FinishedRun(SuiteRunRequest Request, int ExitCode, TimeSpan Duration, RunSummary? Summary, string ReportDir, string OutputTail)
{
    public IReadOnlyList<RunSummary.Scenario> Scenarios => Summary?.Scenarios ?? [];

    public IReadOnlyList<RunSummary.Scenario> Failing => Scenarios.Where(s => Verdicts.Gates(s.Verdict)).ToList();

    /// <summary>The scenarios by feature and name, the key that identifies a scenario across runs (summary.json has no other).</summary>
    public IReadOnlyDictionary<(string Feature, string Name), RunSummary.Scenario> ByScenario =>
        Scenarios.GroupBy(s => (s.Feature, s.Name)).ToDictionary(g => g.Key, g => g.First());

    /// <summary>The verdict counts as one line, "138 passed, 2 warning", or why there are none.</summary>
    public string CountsText => Summary is null
        ? $"no summary.json (exit {ExitCode}: {ExitCodeMeaning})"
        : Summary.Scenarios.Count == 0 ? "no scenario ran" : string.Join(", ", Summary.Counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key}"));

    /// <summary>The suite's documented exit codes (run-tests.ps1's), so that a message says what a code means.</summary>
    public string ExitCodeMeaning => ExitCode switch
    {
        0 => "every gating scenario passed",
        1 => "contract failures",
        2 => "configuration or usage error",
        3 => "target unreachable or no first token",
        4 => "nothing selected",
        5 => "a secret found in an artifact",
        -1 => "killed: the run overran its time limit",
        _ => "not a documented exit code",
    };

    /// <summary>
    /// A scenario message in one line for tables and the console: its first two lines of substance (the clause it
    /// breaks, then what was expected and what came back), without the "Scenario failed" header every failure starts with.
    /// </summary>
    public static string Gist(string? message)
    {
        if (string.IsNullOrWhiteSpace(message)) return "";
        var lines = message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count > 1 && lines[0].Equals(FailureHeader, StringComparison.Ordinal)) lines.RemoveAt(0);
        return string.Join(" ", lines.Take(2));
    }

    private const string FailureHeader = "Scenario failed";
}
