using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rator.Contract.Tests.Support.Runner;

/// <summary>
/// Sends Reqnroll's living documentation to the run's report folder when RATOR_REPORT_DIR names one.
/// reqnroll.json keeps paths relative to the output folder for plain runs; Reqnroll lets the
/// REQNROLL_FORMATTERS variable (JSON, same shape as the file's "formatters" section) override them,
/// so the runner fills that variable from RATOR_REPORT_DIR before Reqnroll reads its configuration.
/// </summary>
public static class ReportLocation
{
    public const string ReportDirVariable = "RATOR_REPORT_DIR";
    public const string ReqnrollFormattersVariable = "REQNROLL_FORMATTERS";
    public const string HtmlFileName = "living-documentation.html";
    public const string MessagesFileName = "cucumber-messages.ndjson";

    /// <summary>The report folder of this run, or null when RATOR_REPORT_DIR is not set.</summary>
    public static string? ReportDirectory
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(ReportDirVariable);
            return string.IsNullOrWhiteSpace(value) ? null : Path.GetFullPath(value);
        }
    }

    /// <summary>The REQNROLL_FORMATTERS value that puts both reports into <paramref name="reportDirectory"/>.</summary>
    public static string FormattersOverride(string reportDirectory)
    {
        // Forward slashes: Reqnroll treats the value as a path on every OS, and JSON needs no escaping then.
        string PathOf(string file) => Path.Combine(reportDirectory, file).Replace('\\', '/');
        var formatters = new JsonObject
        {
            ["formatters"] = new JsonObject
            {
                ["html"] = new JsonObject { ["outputFilePath"] = PathOf(HtmlFileName) },
                ["message"] = new JsonObject { ["outputFilePath"] = PathOf(MessagesFileName) },
            },
        };
        return formatters.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>
    /// Applies RATOR_REPORT_DIR, unless the person running the suite set REQNROLL_FORMATTERS themselves.
    /// Called from the runtime plugin, before Reqnroll resolves its formatters.
    /// </summary>
    internal static void Apply()
    {
        var reportDirectory = ReportDirectory;
        if (reportDirectory is null || Environment.GetEnvironmentVariable(ReqnrollFormattersVariable) is not null)
            return;
        Directory.CreateDirectory(reportDirectory);
        Environment.SetEnvironmentVariable(ReqnrollFormattersVariable, FormattersOverride(reportDirectory));
    }
}
