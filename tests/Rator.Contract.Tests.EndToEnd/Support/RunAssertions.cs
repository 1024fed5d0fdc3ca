using FluentAssertions;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>What every run must show a user, worded once. Each failure message carries the whole run (<see cref="ScriptResult.ToString"/>).</summary>
public static class RunAssertions
{
    public static ScriptResult ShouldExitWith(this ScriptResult run, int code)
    {
        run.ExitCode.Should().Be(code, "the documented exit code; {0}", run);
        return run;
    }

    public static ScriptResult ShouldShowNoStackTrace(this ScriptResult run)
    {
        run.StackTraceLines.Should().BeEmpty("a user reads one message, never a stack trace; {0}", run);
        return run;
    }

    /// <summary>Exactly one console line holds every fragment: the message is said once, readable on its own.</summary>
    public static string ShouldShowOneMessage(this ScriptResult run, params string[] fragments)
    {
        var lines = run.ConsoleLines.Where(l => fragments.All(f => l.Contains(f, StringComparison.Ordinal))).ToList();
        lines.Should().ContainSingle("one console line should say [{0}]; {1}", string.Join("] and [", fragments), run);
        return lines[0];
    }

    public static ScriptResult ShouldFinishWithin(this ScriptResult run, TimeSpan limit)
    {
        run.Elapsed.Should().BeLessThan(limit, "the run is bounded; {0}", run);
        return run;
    }

    public static ScriptResult ShouldLeaveNoReportFolder(this ScriptResult run)
    {
        Directory.Exists(run.ReportDir).Should().BeFalse("nothing ran, so nothing may be written; {0}", run);
        return run;
    }
}
