using Rator.Contract.Tests.Support.Reporting;

namespace Rator.DefectMatrix.Tests;

/// <summary>A finished run: its exit code, how long it took, its summary.json (absent when the run ended before writing one).</summary>
public sealed record SuiteRun(SuiteRunRequest Request, int ExitCode, TimeSpan Duration, RunSummary? Summary, string ReportDir, string OutputTail)
{
    public IReadOnlyList<RunSummary.Scenario> Scenarios => Summary?.Scenarios ?? [];

    public IReadOnlyList<RunSummary.Scenario> Failing => Scenarios.Where(s => Verdicts.Gates(s.Verdict)).ToList();

    /// <summary>run-tests.ps1's documented exit codes, so that a message says what a code means.</summary>
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
}
