using System.Diagnostics;
using Rator.Contract.Tests.Support.Hooks;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.SuiteRuns;

/// <summary>
/// Runs the suite exactly as CI and people do, through run-tests.ps1 in a process of its own, so the
/// verdict includes the script's exit code, report writing and secret scan, not only the scenarios.
/// The one place that launches the suite for every matrix: <see cref="Arguments"/> is the command line,
/// <see cref="StartInfo"/> the environment that selects the sandbox's defects and variants.
/// Each run writes its reports to &lt;runs&gt;/&lt;label&gt;/ and its console output to &lt;runs&gt;/&lt;label&gt;.log.
/// </summary>
public sealed class SuiteProcess(SuiteCheckout checkout, string runsDirectory)
{
    /// <summary>
    /// Workers inside one run. Most of a full run's scenario time is waiting for tokens to expire; four
    /// workers overlap those waits (a full run: 23 s at one worker, 13 s at four, the same CPU), while the
    /// run slots keep the number of runs, and so the CPU they burn, within the cores.
    /// </summary>
    private const string WorkersPerRun = "4";

    /// <summary>A hung run (a sandbox that never answers, say) must not hold the whole test command.</summary>
    private static readonly TimeSpan FullSuiteLimit = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan SelectionLimit = TimeSpan.FromMinutes(3);

    public async Task<SuiteRun> RunAsync(SuiteRunRequest request, CancellationToken cancellation)
    {
        var reportDir = Path.Combine(runsDirectory, request.Label);
        var outputLog = reportDir + ".log";
        Directory.CreateDirectory(Path.GetDirectoryName(outputLog)!);

        using var process = new Process { StartInfo = StartInfo(request, reportDir) };
        var output = new OutputLog(outputLog);
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);

        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(request.IsFullSuite ? FullSuiteLimit : SelectionLimit);
        int exitCode;
        try
        {
            await process.WaitForExitAsync(limit.Token);
            exitCode = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            // The script starts dotnet test, which starts a test host: all of them go.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellation.ThrowIfCancellationRequested();
            exitCode = -1;
        }
        finally
        {
            clock.Stop();
            output.Close();
        }

        var summary = ReportJson.Read<RunSummary>(Path.Combine(reportDir, "summary.json"));
        return new SuiteRun(request, exitCode, clock.Elapsed, summary, reportDir, output.Tail);
    }

    private ProcessStartInfo StartInfo(SuiteRunRequest request, string reportDir)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // dotnet pwsh is a local tool: its manifest is found from the working directory.
            WorkingDirectory = checkout.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(request, reportDir)) start.ArgumentList.Add(argument);

        // The matrix defines its target completely: an inherited staging environment, data seed or
        // sandbox setting of the calling shell would change what the runs prove.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("RATOR_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        if (request.Defects.Count > 0) start.Environment["RATOR_SANDBOX_DEFECTS"] = string.Join(",", request.Defects);
        // A defect that needs more of the process than the sandbox can set itself (TLS 1.0/1.1 from OpenSSL 3) gets it here.
        foreach (var (name, value) in Rator.Sandbox.SandboxDefectCatalog.ProcessEnvironmentFor(request.Defects)) start.Environment[name] = value;
        if (request.Variants.Count > 0) start.Environment["RATOR_SANDBOX_VARIANTS"] = string.Join(",", request.Variants);
        if (request.GatingRequirements.Count > 0) start.Environment[RunHooks.GatingVariable] = string.Join(",", request.GatingRequirements);
        return start;
    }

    private IEnumerable<string> Arguments(SuiteRunRequest request, string reportDir)
    {
        yield return "pwsh";
        yield return "-NoLogo";
        yield return "-NoProfile";
        yield return checkout.RunScript;
        yield return "-NoBuild";
        yield return "-Configuration";
        yield return checkout.Configuration;
        yield return "-Environment";
        yield return "local";
        yield return "-ReportDir";
        yield return reportDir;
        yield return "-Parallel";
        yield return WorkersPerRun;
        if (request.Tags is not null)
        {
            yield return "-Tags";
            yield return request.Tags;
        }
    }
}
