using Rator.Contract.Tests.Support.Compliance;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>The end-of-run text a person reads first: counts, each failure in one line with its requirement, where the reports are.</summary>
public sealed class ConsoleSummary(TextWriter output)
{
    private const int MessageWidth = 160;
    private const int AnswerWidth = 115;

    // Lines every failure starts with; the one-line summary shows what was expected and what came back.
    private static readonly string[] NoiseLines = ["Step failed", "Scenario failed", "Breaks ", "Known issue"];

    public void Print(RunStatus? status, IReadOnlyList<ScenarioResult> results, ComplianceMatrix matrix,
        IReadOnlyList<ArtifactSecretScan.Finding> leaks, int exitCode, string reportDirectory, RunComparison? comparison = null)
    {
        if (status?.Outcome is RunOutcome.ConfigurationError or RunOutcome.Unreachable)
        {
            output.WriteLine(status.Message);
            output.WriteLine($"Exit code {exitCode}.");
            return;
        }

        output.WriteLine();
        // A run that went on with a finding of its preflight (a certificate the TLS probe judged) says it first.
        if (status is { Outcome: RunOutcome.Completed, Message: { Length: > 0 } finding })
        {
            output.WriteLine(finding);
            output.WriteLine();
        }

        PrintComparison(comparison);
        output.WriteLine($"{"Verdict",-16}{"Scenarios",10}");
        foreach (var verdict in Verdicts.All)
            output.WriteLine($"{verdict,-16}{results.Count(r => r.Verdict == verdict),10}");
        output.WriteLine($"{"total",-16}{results.Count,10}");
        output.WriteLine();
        output.WriteLine("Requirements: " + string.Join(", ", matrix.Totals.Where(t => t.Value > 0).Select(t => $"{t.Key} {t.Value}")));

        foreach (var (title, verdicts) in new[] { ("Failures", new[] { Verdicts.Failed, Verdicts.Error }), ("Warnings", new[] { Verdicts.Warning }) })
        {
            var listed = results.Where(r => verdicts.Contains(r.Verdict)).ToList();
            if (listed.Count == 0)
                continue;
            output.WriteLine();
            output.WriteLine($"{title}:");
            foreach (var r in listed)
            {
                output.WriteLine($"  [{string.Join(",", RequirementCatalogue.IdsIn(r.Tags))}] {r.TestName}: {FirstLine(r.Message)}");
                if (verdicts.Contains(Verdicts.Warning))
                    continue;
                // Where it failed and what was on the wire (redacted); the full exchange is in the reports.
                var failed = r.Steps.Select((step, index) => (step, index)).FirstOrDefault(x => x.step.Status is not ("passed" or "skipped"));
                if (failed.step is not null)
                    output.WriteLine($"      at step: {failed.step.Keyword.Trim()} {failed.step.Text}");
                var exchange = r.Evidence.LastOrDefault(e => failed.step is null || e.StepIndex <= failed.index);
                if (exchange is not null)
                    output.WriteLine($"      last exchange: {exchange.Title}");
            }
        }

        if (leaks.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("SECRET FOUND IN THE RUN'S ARTIFACTS (the files must not be published):");
            foreach (var leak in leaks)
                output.WriteLine($"  {leak.File}: {leak.What}");
        }

        output.WriteLine();
        output.WriteLine($"Reports in {reportDirectory}:");
        foreach (var file in new[] { ReportFiles.LivingDocumentation, ReportFiles.ComplianceHtml, ReportFiles.ComplianceMarkdown,
                     ReportFiles.Summary, ReportFiles.JUnit, ReportFiles.Trx, ReportFiles.AllureResults, ReportFiles.AllureReport, ReportFiles.Manifest })
            if (File.Exists(Path.Combine(reportDirectory, file)) || Directory.Exists(Path.Combine(reportDirectory, file)))
                output.WriteLine($"  {file}");
        output.WriteLine($"Exit code {exitCode}.");
    }

    /// <summary>First, in a few lines: what changed since the baseline (the rest of the summary is this run alone).</summary>
    private void PrintComparison(RunComparison? comparison)
    {
        if (comparison is null)
            return;
        output.WriteLine(comparison.Headline());
        if (comparison.Compared)
        {
            // Only what a reader acts on gets lines; appeared and vanished stay counts (the reports list them).
            foreach (var (title, changes) in comparison.Sections().Take(3))
            {
                foreach (var change in changes.Take(ComparisonLines))
                    output.WriteLine($"  {title.ToLowerInvariant()}: {RunComparison.Describe(change)}");
                if (changes.Count > ComparisonLines)
                    output.WriteLine($"  {title.ToLowerInvariant()}: … and {changes.Count - ComparisonLines} more (summary.json, compliance.html)");
            }
        }

        output.WriteLine();
    }

    private const int ComparisonLines = 5;

    internal static string FirstLine(string? message)
    {
        var line = (message ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => !NoiseLines.Any(n => l.StartsWith(n, StringComparison.Ordinal))) ?? message ?? "";
        return Shorten(line);
    }

    /// <summary>
    /// Failures read "Expected …, but the deployment answered …". The answer is what a reader needs (a status, an
    /// error code, "no response: the connection was refused"), and the expectation is often the longer part: cut
    /// the expectation first, so that the answer keeps most of the line.
    /// </summary>
    private static string Shorten(string line)
    {
        if (line.Length <= MessageWidth)
            return line;
        var but = line.IndexOf(", but ", StringComparison.Ordinal);
        if (but < 0)
            return line[..MessageWidth] + "…";
        var answer = line[(but + 2)..];
        // ", " joins the two parts and "…" ends a cut expectation.
        var expectedRoom = Math.Max(MessageWidth / 4, MessageWidth - Math.Min(answer.Length, AnswerWidth) - 3);
        var expected = but <= expectedRoom ? line[..but] : line[..expectedRoom] + "…";
        var room = MessageWidth - expected.Length - 2;
        return expected + ", " + (answer.Length <= room ? answer : answer[..room] + "…");
    }
}
