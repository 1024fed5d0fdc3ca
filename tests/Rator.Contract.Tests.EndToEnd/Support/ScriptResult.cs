using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>What a user sees of one run: the exit code (null when the run had to be killed), the console, the files.</summary>
public sealed partial record ScriptResult(
    int? ExitCode, string StdOut, string StdErr, string Console, TimeSpan Elapsed, string ReportDir, string Arguments)
{
    public IReadOnlyList<string> ConsoleLines =>
        Console.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();

    /// <summary>Lines that belong to a stack trace or a PowerShell error record, which a user must never have to read.</summary>
    public IReadOnlyList<string> StackTraceLines => ConsoleLines.Where(l => StackTraceLine().IsMatch(l)).ToList();

    public string ReportFile(string relative) => Path.Combine(ReportDir, relative);

    public JsonDocument ReadJson(string relative) => JsonDocument.Parse(File.ReadAllText(ReportFile(relative)));

    /// <summary>
    /// From the suite's first hook to its verdict on the target: run/status.json records when the hook started and is
    /// rewritten when the preflight fails. Unlike the whole run, this does not grow with process start-up on a busy machine.
    /// </summary>
    public TimeSpan PreflightDuration()
    {
        using var status = ReadJson("run/status.json");
        var started = status.RootElement.GetProperty("startedAt").GetDateTimeOffset();
        return File.GetLastWriteTimeUtc(ReportFile("run/status.json")) - started.UtcDateTime;
    }

    /// <summary>For failure messages: everything needed to understand the run without re-running it.</summary>
    public override string ToString() =>
        $"run-tests.ps1 {Arguments}\nexit code {ExitCode?.ToString() ?? "none (killed at the time limit)"} after {Elapsed.TotalSeconds:0.0} s; " +
        $"reports in {ReportDir}\n--- console ---\n{Console}--- end of console ---";

    // .NET frames ("   at Type.Method(...)", "--- End of stack trace"), unhandled exceptions, PowerShell error records
    // ("At file.ps1:12 char:5", "+ CategoryInfo", the concise view's "Line |").
    [GeneratedRegex(@"^\s+at [\w.<>`$|+\[\],]+\(|--- End of (inner exception )?stack trace|Unhandled exception|^\s*(\w+\.)+\w*Exception\b|^At .+:\d+ char:\d+|^\s*\+ (CategoryInfo|FullyQualifiedErrorId)|^\s*Line \||^\s*\d+ \|  ")]
    private static partial Regex StackTraceLine();
}
