using System.Text;
using Rator.Contract.Tests.Support.Compliance;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// The run in Markdown where CI readers look first: appended to GitHub's job summary (GITHUB_STEP_SUMMARY), or on
/// Azure Pipelines (TF_BUILD) written as a file and attached to the build summary with ##vso[task.uploadsummary].
/// Verdict counts, the comparison with the baseline, failures and warnings with their requirement IDs, and the
/// names of the reports in the artifact. Only redacted text goes in (what summary.json holds).
/// </summary>
public static class CiSummary
{
    public const string GitHubVariable = "GITHUB_STEP_SUMMARY";
    public const string AzureVariable = "TF_BUILD";
    public const string AzureTempVariable = "AGENT_TEMPDIRECTORY";
    private const int ListedPerSection = 30;

    public static void Publish(string markdown, string reportDirectory, TextWriter console, Func<string, string?> variable)
    {
        if (variable(GitHubVariable) is { Length: > 0 } stepSummary)
            File.AppendAllText(stepSummary, markdown);
        if (!string.IsNullOrEmpty(variable(AzureVariable)))
        {
            // Outside the report folder: written after the secret scan and the manifest, it is no artifact of the run.
            var folder = variable(AzureTempVariable) is { Length: > 0 } temp ? temp : reportDirectory;
            var path = Path.GetFullPath(Path.Combine(folder, ReportFiles.CiSummary));
            File.WriteAllText(path, markdown);
            console.WriteLine($"##vso[task.uploadsummary]{path}");
        }
    }

    /// <param name="reason">Why the run ended with <paramref name="exitCode"/> (ExitReason): the summary's first line.</param>
    /// <param name="stopped">The run stopped before any scenario (its preflight): the reason is all there is to say.</param>
    public static string Markdown(string environment, int exitCode, string reason, IReadOnlyList<ScenarioResult> results, ComplianceMatrix matrix,
        RunComparison? comparison, IReadOnlyList<ArtifactSecretScan.Finding> leaks, string reportDirectory, bool stopped = false)
    {
        var md = new StringBuilder();
        md.AppendLine($"## Rator contract tests: {environment}, exit code {exitCode} ({ExitCodes.Meaning(exitCode)})").AppendLine();
        md.AppendLine((stopped ? "The run stopped before any scenario: " : "") + Escape(reason)).AppendLine();
        if (stopped)
            return md.ToString();
        md.AppendLine("| Verdict | Scenarios |").AppendLine("|---|---:|");
        foreach (var verdict in Verdicts.All)
            md.AppendLine($"| {verdict} | {results.Count(r => r.Verdict == verdict)} |");
        md.AppendLine($"| **total** | **{results.Count}** |").AppendLine();
        md.AppendLine($"Requirements: {Escape(matrix.TotalsLine())}.").AppendLine();
        md.Append(ComplianceReportWriter.ProvenInPartMarkdown(matrix, ListedPerSection));

        if (comparison is not null)
            md.Append(ComplianceReportWriter.ComparisonMarkdown(comparison).Replace("## Since the baseline", "### Since the baseline"));

        foreach (var (title, listed, _) in ConsoleSummary.Sections(results))
        {
            if (listed.Count == 0)
                continue;
            md.AppendLine($"### {title} ({listed.Count})").AppendLine();
            foreach (var finding in listed.Take(ListedPerSection).Select(r => FindingText.Of(r, RequirementCatalogue.Default)))
            {
                md.AppendLine($"- **[{Escape(finding.Requirement)}]** {Escape(finding.Scenario)}");
                foreach (var (label, text) in finding.Details())
                    md.AppendLine($"  - {label}: {Escape(text)}");
            }
            if (listed.Count > ListedPerSection)
                md.AppendLine($"- … and {listed.Count - ListedPerSection} more (summary.json)");
            md.AppendLine();
        }

        if (leaks.Count > 0)
        {
            md.AppendLine("### Secret found in the run's artifacts").AppendLine();
            md.AppendLine("The reports must not be shared; only summary.json is published. Files:").AppendLine();
            foreach (var leak in leaks)
                md.AppendLine($"- `{leak.File}`: {Escape(leak.What)}");
            md.AppendLine();
        }
        else
        {
            var reports = new[] { ReportFiles.LivingDocumentation, ReportFiles.ComplianceHtml, ReportFiles.ComplianceMarkdown, ReportFiles.Summary,
                    ReportFiles.JUnit, ReportFiles.Trx, ReportFiles.AllureReport, ReportFiles.Manifest }
                .Where(f => File.Exists(Path.Combine(reportDirectory, f)));
            md.AppendLine("Reports in the artifact: " + string.Join(", ", reports.Select(f => $"`{f}`")) + ".").AppendLine();
        }

        return md.ToString();
    }

    // Markdown that a scenario name or message could start by accident (emphasis, links, tables, HTML).
    private static string Escape(string text) =>
        new StringBuilder(text).Replace("\\", "\\\\").Replace("*", "\\*").Replace("_", "\\_").Replace("[", "\\[")
            .Replace("]", "\\]").Replace("<", "&lt;").Replace("|", "\\|").Replace("`", "\\`").ToString();
}
