using System.Diagnostics;
using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Availability;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Hooks;
using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Reporting;
using Rator.Contract.Tests.Support.Runner;
using Rator.Contract.Tests.Support.Selection;

namespace Rator.Contract.Tests.Support.Cli;

/// <summary>
/// `run`: the whole of a run in this one process — no vstest.console, no second test host. Prepares the report
/// folder, runs the selected scenarios with NUnit's own runner (the same fixtures, filter and workers as under
/// VSTest), writes JUnit and TRX from the run's own results, then finishes the run (reports, Allure results,
/// manifest, secret scan, exit code). `--no-seal` stops after the reports, for an Allure report rendered before `seal`.
/// </summary>
public static class RunCommand
{
    public sealed record Request(string EnvironmentFile, string ReportDirectory, string? Tags, int Workers, bool Seal, string? Baseline = null);

    public static int Run(Request request, TextWriter console)
    {
        // The first certificate validation of a process reads the machine's trusted roots (about 0.2 s here), and every
        // https run validates one before its first token: read them now, on the other core, while NUnit and Reqnroll start.
        _ = Task.Run(ReadMachineRoots);

        // A malformed expression ends here (exit 2), before the report folder is touched.
        var expression = request.Tags is null ? null : TagExpression.Parse(request.Tags);
        var selected = ScenarioListing.Selected(expression).Count;

        ReportFolder.Prepare(request.ReportDirectory);
        Environment.SetEnvironmentVariable("RATOR_ENVIRONMENT", request.EnvironmentFile);
        Environment.SetEnvironmentVariable(ReportLocation.ReportDirVariable, request.ReportDirectory);
        var inputs = SuiteCommandLine.Inputs(request.ReportDirectory, request.EnvironmentFile, request.Tags, request.Baseline);

        // A selection that matches no scenario sends nothing at all: not even the preflight's first token.
        if (selected == 0)
        {
            console.WriteLine($"No scenario matches {request.Tags} (see -List); nothing was sent.");
            var code = new RunFinisher(RequirementCatalogue.Default, TextWriter.Null).Finish(inputs);
            console.WriteLine($"Exit code {code}.");
            return code;
        }

        var environmentName = EnvironmentName.Of(request.EnvironmentFile);
        console.WriteLine($"Running the Rator contract suite against '{environmentName}' with {request.Workers} workers{(request.Tags is null ? "" : $", tags: {request.Tags}")}...");
        console.Flush();

        var consoleLog = Path.Combine(request.ReportDirectory, "console.log");
        void Announce(EnvironmentProfile profile)
        {
            console.WriteLine("  " + ExpiryPlan.Describe(profile));
            console.Flush();
        }
        RunHooks.Started += Announce;
        var (result, started, finished, failure) = RunTests(request, expression, consoleLog, console);
        RunHooks.Started -= Announce;
        if (failure is null)
        {
            var cases = CiTestCase.From(result!);
            var assembly = FeatureCatalog.TestAssembly.Location;
            JUnitWriter.Write(Path.Combine(request.ReportDirectory, ReportFiles.JUnit), Path.GetFileName(assembly), cases, started);
            TrxWriter.Write(Path.Combine(request.ReportDirectory, ReportFiles.Trx), assembly, cases, started, finished);
            File.AppendAllText(consoleLog, ClosingLine(cases, finished - started) + Environment.NewLine);
        }

        // A run that died before the suite's first hook leaves no status: that is no contract verdict.
        if (!File.Exists(RunStatus.PathIn(request.ReportDirectory)))
        {
            var reasons = failure is not null ? [failure] : Failures(result!).Take(3).ToList();
            Console.Error.WriteLine($"The test run did not start (see {consoleLog}):\n  " + string.Join("\n  ", reasons));
            return ExitCodes.ConfigurationError;
        }

        var finisher = new RunFinisher(RequirementCatalogue.Default, console);
        if (request.Seal)
            return finisher.Finish(inputs);
        finisher.Report(inputs);
        return 0;
    }

    private static (ITestResult? Result, DateTimeOffset Started, DateTimeOffset Finished, string? Failure) RunTests(
        Request request, TagExpression? expression, string consoleLog, TextWriter console)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var log = new StreamWriter(new FileStream(consoleLog, FileMode.Create, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        var logWriter = TextWriter.Synchronized(log);
        var started = DateTimeOffset.UtcNow;
        try
        {
            // Whatever is printed outside a test (the embedded sandbox's warnings) goes to console.log, as under VSTest;
            // NUnit captures each test's own output into its result.
            Console.SetOut(logWriter);
            Console.SetError(logWriter);
            // Reqnroll and the catalog read their files from the output folder, the test host's working directory under VSTest.
            Directory.SetCurrentDirectory(AppContext.BaseDirectory);
            var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
            runner.Load(FeatureCatalog.TestAssembly, new Dictionary<string, object>
            {
                [FrameworkPackageSettings.NumberOfTestWorkers] = request.Workers,
                [FrameworkPackageSettings.WorkDirectory] = request.ReportDirectory,
            });
            using var progress = new RunProgress(console, interactive: !Console.IsOutputRedirected);
            void Announce(string line)
            {
                progress.Announce(line);
                logWriter.WriteLine(line);
            }
            DeploymentAvailability.Announced += Announce;
            try
            {
                var result = runner.Run(TestListener.NULL, expression is null ? TestFilter.Empty : new TagFilter(expression));
                return (result, started, DateTimeOffset.UtcNow, null);
            }
            finally
            {
                DeploymentAvailability.Announced -= Announce;
            }
        }
        catch (Exception e)
        {
            logWriter.WriteLine(e.ToString());
            return (null, started, DateTimeOffset.UtcNow, $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    private static void ReadMachineRoots()
    {
        using var roots = new System.Security.Cryptography.X509Certificates.X509Store(
            System.Security.Cryptography.X509Certificates.StoreName.Root, System.Security.Cryptography.X509Certificates.StoreLocation.LocalMachine);
        roots.Open(System.Security.Cryptography.X509Certificates.OpenFlags.ReadOnly);
        _ = roots.Certificates.Count;
    }

    /// <summary>The plain count CI tools read, in console.log as the test runner's last line.</summary>
    private static string ClosingLine(IReadOnlyList<CiTestCase> cases, TimeSpan duration) =>
        $"Tests: {cases.Count(c => c.Outcome == CiOutcome.Passed)} passed, {cases.Count(c => c.Outcome == CiOutcome.Failed)} failed, " +
        $"{cases.Count(c => c.Outcome == CiOutcome.NotExecuted)} skipped ({duration.TotalSeconds:0.0} s)";

    private static IEnumerable<string> Failures(ITestResult result) =>
        result.HasChildren
            ? result.Children.SelectMany(Failures)
            : result.ResultState.Status == TestStatus.Failed && !string.IsNullOrEmpty(result.Message) ? [result.Message.Trim()] : [];
}
