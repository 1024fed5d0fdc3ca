using System.Diagnostics;
using Rator.Contract.Tests.Support.Hooks;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.SuiteRuns;

/// <summary>
/// Runs the suite in a process of its own with the command run-tests.ps1 ends in, the suite's `run` verb
/// (Support/Cli/RunCommand.cs): the verdict includes its exit code, report writing and secret scan, not only the
/// scenarios. The script itself only maps its parameters to that command's options (its argument checks have
/// end-to-end tests of their own); going around PowerShell saves each of the matrices' two hundred runs about a
/// second of CPU, a quarter of what a run costs.
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

    public async Task<FinishedRun> RunAsync(SuiteRunRequest request, CancellationToken cancellation)
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
            // The run may have started processes of its own (curl for a reproduction): all of them go.
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
        return new FinishedRun(request, exitCode, clock.Elapsed, summary, reportDir, output.Tail);
    }

    private ProcessStartInfo StartInfo(SuiteRunRequest request, string reportDir)
    {
        var start = new ProcessStartInfo("dotnet")
        {
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
        // What run-tests.ps1 sets for every process of a run: no profile-guided re-JIT in a process that lives seconds.
        start.Environment["DOTNET_TieredPGO"] = "0";
        return start;
    }

    private IEnumerable<string> Arguments(SuiteRunRequest request, string reportDir)
    {
        yield return checkout.SuiteAssembly;
        yield return "run";
        yield return "--environment";
        yield return checkout.LocalEnvironment;
        yield return "--report-dir";
        yield return reportDir;
        yield return "--parallel";
        yield return WorkersPerRun;
        if (request.Tags is not null)
        {
            yield return "--tags";
            yield return request.Tags;
        }
    }
}
