using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Reporting;
using Rator.Contract.Tests.Support.Selection;

namespace Rator.Contract.Tests.Support.Cli;

/// <summary>
/// The suite assembly doubles as run-tests.ps1's helper, so the script stays thin and every decision
/// lives in tested C#: `where` turns a tag expression into an NUnit filter, `list` shows the selected
/// scenarios without sending anything, `finish` writes the reports and decides the exit code (`report` and
/// `seal` are its two halves, for when something — a rendered Allure report — is added in between).
/// </summary>
public static class SuiteCommandLine
{
    public static int Main(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "where" => Where(Options.Parse(args[1..])),
                "list" => ScenarioListing.Print(Options.Parse(args[1..]).Value("--tags"), Console.Out),
                "finish" => Finisher().Finish(Inputs(Options.Parse(args[1..]))),
                "report" => Report(Options.Parse(args[1..])),
                "seal" => Finisher().Seal(Inputs(Options.Parse(args[1..]))),
                _ => Usage(),
            };
        }
        catch (Exception e) when (e is TagExpressionException or UsageException)
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

    private static int Report(Options options)
    {
        Finisher().Report(Inputs(options));
        return 0;
    }

    /// <summary>A baseline for the comparison when --baseline is not given (CI: the previous nightly's downloaded summary.json).</summary>
    public const string BaselineVariable = "RATOR_BASELINE";

    private static RunFinisher Finisher() => new(RequirementCatalogue.Default, Console.Out);

    private static RunFinisher.Inputs Inputs(Options options)
    {
        var reportDir = options.Value("--report-dir") ?? throw new UsageException("--report-dir DIR is required");
        var environment = options.Value("--environment") ?? throw new UsageException("--environment FILE is required");
        return new RunFinisher.Inputs(
            reportDir,
            Path.GetFileNameWithoutExtension(environment),
            options.Value("--selection"),
            RunSecrets.Load(environment),
            ScenarioListing.CoveredRequirementIds(),
            options.Value("--baseline") ?? Environment.GetEnvironmentVariable(BaselineVariable));
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Rator.Contract.Tests (where --tags EXPR | list [--tags EXPR] | finish|report|seal --report-dir DIR --environment FILE [--selection EXPR] [--baseline DIR|summary.json])");
        return ExitCodes.ConfigurationError;
    }

    private sealed class Options(Dictionary<string, string> values)
    {
        public string? Value(string name) => values.GetValueOrDefault(name);

        public static Options Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i += 2)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                    throw new UsageException($"Unexpected argument '{args[i]}'.");
                values[args[i]] = args[i + 1];
            }
            return new Options(values);
        }
    }
}

public sealed class UsageException(string message) : Exception(message);
