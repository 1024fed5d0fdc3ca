using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;

namespace Rator.Contract.Tests.Unit.Runner;

/// <summary>
/// One `dotnet test` of the sample suite (Runner/Sample: sample features and steps over the real runner
/// sources and the suite's reqnroll.json), with every artifact the end-to-end tests read back.
/// </summary>
internal sealed class SampleSuiteRun
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public required int ExitCode { get; init; }
    public required string Console { get; init; }
    public required string ReportDirectory { get; init; }
    public required TimeSpan Elapsed { get; init; }
    /// <summary>TRX results by test name.</summary>
    public required IReadOnlyDictionary<string, XElement> TrxResults { get; init; }
    /// <summary>TRX test definitions by test name.</summary>
    public required IReadOnlyDictionary<string, XElement> TrxTests { get; init; }
    /// <summary>NUnit's own result XML test cases by name: Warning and Ignored survive there as such.</summary>
    public required IReadOnlyDictionary<string, XElement> NUnitCases { get; init; }
    /// <summary>ScenarioRunLog.Runs as the sample's [AfterTestRun] hook wrote them, by test name.</summary>
    public required IReadOnlyDictionary<string, JsonElement> Runs { get; init; }
    public required JsonElement Hooks { get; init; }
    /// <summary>Where the sample suite was built: its test assembly and the Features/ copied beside it.</summary>
    public required string OutputDirectory { get; init; }

    public static SampleSuiteRun Execute(string workDirectory)
    {
        var project = FindSampleProject();
        if (Directory.Exists(workDirectory))
            Directory.Delete(workDirectory, recursive: true);
        var reportDirectory = Path.Combine(workDirectory, "report");
        var trxPath = Path.Combine(workDirectory, "results.trx");
        var nunitDirectory = Path.Combine(workDirectory, "nunit");

        var start = DotnetStart(
            Path.GetDirectoryName(project)!,
            "test", project, "-c", "Debug", "--nologo",
            "--logger", $"trx;LogFileName={trxPath}",
            "--", $"NUnit.TestOutputXml={nunitDirectory}");
        start.Environment["RATOR_REPORT_DIR"] = reportDirectory;

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The sample suite did not finish within 4 minutes.");
        }
        var console = stdout.Result + stderr.Result;
        if (!File.Exists(trxPath))
            throw new InvalidOperationException($"The sample suite produced no TRX (exit {process.ExitCode}):\n{console}");

        var trx = XDocument.Load(trxPath);
        var nunitXml = XDocument.Load(Directory.EnumerateFiles(nunitDirectory, "*.xml").Single());
        using var runs = JsonDocument.Parse(File.ReadAllText(Path.Combine(reportDirectory, "scenario-runs.json")));
        using var hooks = JsonDocument.Parse(File.ReadAllText(Path.Combine(reportDirectory, "hooks.json")));

        return new SampleSuiteRun
        {
            ExitCode = process.ExitCode,
            Console = console,
            ReportDirectory = reportDirectory,
            Elapsed = stopwatch.Elapsed,
            TrxResults = trx.Descendants(Trx + "UnitTestResult").ToDictionary(r => (string)r.Attribute("testName")!),
            TrxTests = trx.Descendants(Trx + "UnitTest").ToDictionary(t => (string)t.Attribute("name")!),
            NUnitCases = nunitXml.Descendants("test-case").ToDictionary(c => (string)c.Attribute("name")!),
            Runs = runs.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("testName").GetString()!, r => r.Clone()),
            Hooks = hooks.RootElement.Clone(),
            OutputDirectory = Path.GetDirectoryName((string)trx.Descendants(Trx + "TestMethod").First().Attribute("codeBase")!)!,
        };
    }

    /// <summary>`dotnet test` on a copy of the built sample without its Features/ folder: (exit code, console).</summary>
    public (int ExitCode, string Console) RunWithoutFeatures(string workDirectory)
    {
        var copy = Path.Combine(workDirectory, "no-features");
        foreach (var file in Directory.EnumerateFiles(OutputDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(OutputDirectory, file);
            if (relative.StartsWith(FeaturesFolder, StringComparison.Ordinal) || relative.StartsWith("reports", StringComparison.Ordinal))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative), overwrite: true);
        }
        var start = DotnetStart(copy, "test", Path.Combine(copy, "Rator.Runner.Sample.dll"));
        using var process = Process.Start(start)!;
        var console = process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, console.Result);
    }

    private const string FeaturesFolder = "Features";

    public string Outcome(string test) => (string)TrxResults[test].Attribute("outcome")!;

    public string Message(string test) => TrxText(test, "Message");

    public string StackTrace(string test) => TrxText(test, "StackTrace");

    public string Output(string test) => TrxText(test, "StdOut");

    /// <summary>NUnit's result and label: "Warning", "Skipped:Ignored", "Failed", "Passed"...</summary>
    public string NUnitResult(string test)
    {
        var testCase = NUnitCases[test];
        var label = (string?)testCase.Attribute("label");
        return (string)testCase.Attribute("result")! + (label is null ? "" : ":" + label);
    }

    public string NUnitMessage(string test) =>
        NUnitCases[test].Descendants("message").FirstOrDefault()?.Value ?? "";

    public IReadOnlyList<string> Categories(string test) =>
        NUnitCases[test].Elements("properties").Elements("property")
            .Where(p => (string?)p.Attribute("name") == "Category")
            .Select(p => (string)p.Attribute("value")!)
            .ToList();

    public (DateTimeOffset Start, DateTimeOffset Stop) Interval(string test) =>
        (Runs[test].GetProperty("start").GetDateTimeOffset(), Runs[test].GetProperty("stop").GetDateTimeOffset());

    private string TrxText(string test, string element) =>
        TrxResults[test].Descendants(Trx + element).FirstOrDefault()?.Value ?? "";

    private static ProcessStartInfo DotnetStart(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Inherited from the `dotnet test` running these tests, they would steer the inner build and run.
        foreach (var name in start.Environment.Keys.Where(IsInheritedToolingVariable).ToList())
            start.Environment.Remove(name);
        start.Environment.Remove("REQNROLL_FORMATTERS");
        start.Environment.Remove("RATOR_REPORT_DIR");
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    private static bool IsInheritedToolingVariable(string name) =>
        name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)
        || name.Equals("MSBuildExtensionsPath", StringComparison.OrdinalIgnoreCase)
        || name.Equals("MSBuildSDKsPath", StringComparison.OrdinalIgnoreCase);

    private static string FindSampleProject()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "Runner", "Sample", "Rator.Runner.Sample.csproj");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("Runner/Sample/Rator.Runner.Sample.csproj not found above " + AppContext.BaseDirectory);
    }
}
