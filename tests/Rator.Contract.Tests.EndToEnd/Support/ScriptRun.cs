using System.Diagnostics;
using System.Text;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// One run of run-tests.ps1 exactly as a user starts it — `dotnet pwsh run-tests.ps1 -NoBuild ...` from the
/// repository root, where the local tool manifest makes `dotnet pwsh` available — with a clean environment:
/// only the variables a test sets on purpose reach the run.
/// </summary>
public sealed class ScriptRun
{
    // Variables of the outer test host that would steer the child's own `dotnet test` or the suite.
    private static readonly string[] InheritedPrefixesToDrop = ["RATOR_", "VSTEST", "MSBUILD", "TESTINGPLATFORM", "NUNIT"];

    private readonly List<string> arguments = [];
    private readonly Dictionary<string, string> variables = new(StringComparer.Ordinal);

    public ScriptRun(string reportDir)
    {
        ReportDir = reportDir;
    }

    public string ReportDir { get; }

    /// <summary>The longest the run may take before it is killed and the test fails (a hang is a failure too).</summary>
    public TimeSpan Limit { get; init; } = TimeSpan.FromSeconds(120);

    public ScriptRun With(params string[] scriptArguments)
    {
        arguments.AddRange(scriptArguments);
        return this;
    }

    public ScriptRun WithVariable(string name, string value)
    {
        variables[name] = value;
        return this;
    }

    public async Task<ScriptResult> RunAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-File", Repository.Script,
                     "-NoBuild", "-Configuration", Repository.Configuration, "-ReportDir", ReportDir, .. arguments])
            start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(k => InheritedPrefixesToDrop.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
            start.Environment.Remove(name);
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in variables)
            start.Environment[name] = value;

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var console = new StringBuilder();
        void Collect(StringBuilder own, string? line)
        {
            if (line is null)
                return;
            lock (console)
            {
                own.AppendLine(line);
                console.AppendLine(line);
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Collect(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = new CancellationTokenSource(Limit);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.WaitForExit(); // flushes the asynchronous readers
        clock.Stop();
        lock (console)
            return new ScriptResult(timedOut ? null : process.ExitCode, stdout.ToString(), stderr.ToString(), console.ToString(),
                clock.Elapsed, ReportDir, string.Join(" ", arguments));
    }
}
