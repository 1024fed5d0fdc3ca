using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Discovery;
using Rator.Contract.Tests.Support.Reporting;
using Rator.Contract.Tests.Support.Selection;

namespace Rator.Contract.Tests.Support.Cli;

/// <summary>
/// The suite assembly doubles as run-tests.ps1's helper, so the script stays thin and every decision
/// lives in tested C#: `run` is a whole run in this one process (RunCommand), `--if-built` and `build-stamp` decide
/// whether a build is needed (BuildStamp), `where` turns a tag expression into an NUnit filter, `list` shows the selected
/// scenarios without sending anything, `finish` writes the reports and decides the exit code (`report` and
/// `seal` are its two halves, for when something — a rendered Allure report — is added in between), `discover`
/// drafts an environment file from a live deployment (Support/Discovery).
/// </summary>
public static class SuiteCommandLine
{
    public static int Main(string[] args)
    {
        // `--if-built ROOT VERB ...`: the launcher's build check, done here because this process starts anyway;
        // a separate check would cost a runtime start of its own.
        if (args is ["--if-built", var root, ..])
        {
            if (BuildStamp.FirstChange(root, Path.Combine(AppContext.BaseDirectory, BuildStamp.FileName)) is { } change)
            {
                Console.WriteLine($"The suite's build is out of date: {change}.");
                return BuildStamp.StaleExitCode;
            }
            args = args[2..];
        }
        try
        {
            return args.FirstOrDefault() switch
            {
                "run" => RunCommand.Run(RunRequest(Options.Parse(args[1..])), Console.Out),
                "build-stamp" => WriteBuildStamp(Options.Parse(args[1..])),
                "where" => Where(Options.Parse(args[1..])),
                "list" => ScenarioListing.Print(Options.Parse(args[1..]).Value("--tags"), Console.Out),
                "finish" => Finisher().Finish(Inputs(Options.Parse(args[1..]))),
                "report" => Report(Options.Parse(args[1..])),
                "seal" => Finisher().Seal(Inputs(Options.Parse(args[1..]))),
                "discover" => Discover(Options.Parse(args[1..])),
                _ => Usage(),
            };
        }
        catch (Exception e) when (e is TagExpressionException or UsageException or DiscoveryUsageException)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.ConfigurationError;
        }
    }

    private static int Where(Options options)
    {
        var tags = options.Value("--tags") ?? throw new UsageException("where needs --tags EXPRESSION");
        Console.WriteLine(TagExpression.Parse(tags).ToNUnitWhere());
        return 0;
    }

    private static int Discover(Options options) =>
        new DiscoverCommand(Console.Out, Console.Error, Environment.GetEnvironmentVariable)
            .RunAsync(options.Value("--file"), options.Value("--base-url")).GetAwaiter().GetResult();

    private static RunCommand.Request RunRequest(Options options)
    {
        var workers = options.Value("--parallel") ?? "0";
        if (!int.TryParse(workers, out var count) || count < 0)
            throw new UsageException($"-Parallel takes a number of workers, 1 or more (got '{workers}').");
        return new RunCommand.Request(
            Path.GetFullPath(Required(options, "--environment", "FILE")),
            Path.GetFullPath(Required(options, "--report-dir", "DIR")),
            options.Value("--tags"),
            count == 0 ? DefaultWorkers(options.Value("--tags")) : count,
            Seal: !options.Has("--no-seal"),
            Baseline: options.Value("--baseline") is { } baseline ? Path.GetFullPath(baseline) : null);
    }

    /// <summary>
    /// Scenarios mostly wait on the target, so twice the cores (at least 4); and one more for each selected scenario that
    /// waits for a real expiry (@slow): such a wait holds its worker for seconds doing nothing, and the waits are the run's
    /// critical path only if the other scenarios still find workers beside them.
    /// </summary>
    private static int DefaultWorkers(string? tags) =>
        Math.Max(4, 2 * Environment.ProcessorCount)
        + ScenarioListing.Selected(tags is null ? null : TagExpression.Parse(tags)).Count(s => s.Scenario.WaitsForExpiry);

    private static int WriteBuildStamp(Options options)
    {
        BuildStamp.Write(Required(options, "--root", "DIR"), Path.Combine(AppContext.BaseDirectory, BuildStamp.FileName));
        return 0;
    }

    private static string Required(Options options, string name, string what) =>
        options.Value(name) ?? throw new UsageException($"{name} {what} is required");

    private static int Report(Options options)
    {
        Finisher().Report(Inputs(options));
        return 0;
    }

    /// <summary>A baseline for the comparison when --baseline is not given (CI: the previous nightly's downloaded summary.json).</summary>
    public const string BaselineVariable = "RATOR_BASELINE";

    private static RunFinisher Finisher() => new(RequirementCatalogue.Default, Console.Out);

    private static RunFinisher.Inputs Inputs(Options options) =>
        Inputs(Required(options, "--report-dir", "DIR"), Required(options, "--environment", "FILE"), options.Value("--selection"),
            options.Value("--baseline"));

    internal static RunFinisher.Inputs Inputs(string reportDir, string environment, string? selection, string? baseline = null) =>
        new(reportDir,
            EnvironmentName.Of(environment),
            selection,
            RunSecrets.Load(environment),
            ScenarioListing.CoveredRequirementIds(),
            baseline ?? Environment.GetEnvironmentVariable(BaselineVariable));

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Rator.Contract.Tests (run --environment FILE --report-dir DIR [--tags EXPR] [--parallel N] [--no-seal] [--baseline DIR|summary.json] | build-stamp --root DIR; any verb after --if-built ROOT | where --tags EXPR | list [--tags EXPR] | finish|report|seal --report-dir DIR --environment FILE [--selection EXPR] [--baseline DIR|summary.json] | discover --file NEW.json --base-url URL)");
        return ExitCodes.ConfigurationError;
    }

    private sealed class Options(Dictionary<string, string?> values)
    {
        // Options that take no value.
        private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--no-seal" };

        public string? Value(string name) => values.GetValueOrDefault(name);

        public bool Has(string name) => values.ContainsKey(name);

        public static Options Parse(string[] args)
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i++)
            {
                if (Flags.Contains(args[i]))
                {
                    values[args[i]] = null;
                    continue;
                }
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                    throw new UsageException($"Unexpected argument '{args[i]}'.");
                values[args[i]] = args[++i];
            }
            return new Options(values);
        }
    }
}

public sealed class UsageException(string message) : Exception(message);
