using Rator.Contract.Tests.Support.Compliance;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// The end-of-run text a person reads first: why the run ended as it did, what changed, the counts, the requirements
/// proven only in part, each failure and warning with its requirement, scenario, expectation and answer, where the
/// reports are.
/// </summary>
public sealed class ConsoleSummary(TextWriter output)
{
    private const int ComparisonLines = 5;
    private const int ProvenInPartLines = 10;
    private const string DetailIndent = "      ";

    public void Print(RunStatus? status, IReadOnlyList<ScenarioResult> results, ComplianceMatrix matrix,
        IReadOnlyList<ArtifactSecretScan.Finding> leaks, int exitCode, string reason, string reportDirectory, RunComparison? comparison = null)
    {
        if (status?.Outcome is RunOutcome.ConfigurationError or RunOutcome.Unreachable)
        {
            output.WriteLine(reason);
            output.WriteLine($"Exit code {exitCode}.");
            return;
        }

        output.WriteLine();
        output.WriteLine($"Result: exit code {exitCode} ({ExitCodes.Meaning(exitCode)}). {reason}");
        output.WriteLine();
        PrintComparison(comparison);
        output.WriteLine($"{"Verdict",-16}{"Scenarios",10}");
        foreach (var verdict in Verdicts.All)
            output.WriteLine($"{verdict,-16}{results.Count(r => r.Verdict == verdict),10}");
        output.WriteLine($"{"total",-16}{results.Count,10}");
        output.WriteLine();
        output.WriteLine("Requirements: " + matrix.TotalsLine());
        PrintProvenInPart(matrix);
        PrintOutages(status);

        foreach (var (title, listed, withEvidence) in Sections(results))
        {
            if (listed.Count == 0)
                continue;
            output.WriteLine();
            output.WriteLine($"{title} ({listed.Count}):");
            foreach (var r in listed)
                PrintFinding(r, withEvidence);
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

    /// <summary>
    /// The scenarios a reader acts on, in order: contract failures and errors, those an outage kept from being judged
    /// (no verdict on the contract), warnings. Shared with the CI summaries.
    /// </summary>
    internal static IEnumerable<(string Title, IReadOnlyList<ScenarioResult> Listed, bool WithEvidence)> Sections(IReadOnlyList<ScenarioResult> results) =>
    [
        ("Failures", results.Where(r => Verdicts.Gates(r.Verdict) && !r.DeploymentUnavailable).ToList(), true),
        ("Not judged: the deployment was unavailable", results.Where(r => r.DeploymentUnavailable).ToList(), true),
        ("Warnings", results.Where(r => r.Verdict == Verdicts.Warning).ToList(), false),
    ];

    /// <summary>The requirement on the first line with the scenario, then what was expected and what came back, in full words.</summary>
    private void PrintFinding(ScenarioResult result, bool withEvidence)
    {
        var finding = FindingText.Of(result, RequirementCatalogue.Default);
        output.WriteLine($"  [{finding.Requirement}] {finding.Scenario}");
        foreach (var (label, text) in finding.Details())
            output.WriteLine($"{DetailIndent}{label + ":",-14} {text}");
        if (!withEvidence)
            return;
        // Where it failed and what was on the wire (redacted); the full exchange is in the reports.
        var failed = result.Steps.Select((step, index) => (step, index)).FirstOrDefault(x => x.step.Status is not ("passed" or "skipped"));
        if (failed.step is not null)
            output.WriteLine($"{DetailIndent}{"at step:",-14} {failed.step.Keyword.Trim()} {failed.step.Text}");
        var exchange = result.Evidence.LastOrDefault(e => failed.step is null || e.StepIndex <= failed.index);
        if (exchange is not null)
            output.WriteLine($"{DetailIndent}{"last exchange:",-14} {exchange.Title}");
    }

    /// <summary>What the verdicts do not prove: requirements some of whose scenarios did not apply or could not run.</summary>
    private void PrintProvenInPart(ComplianceMatrix matrix)
    {
        var partial = matrix.ProvenInPart;
        if (partial.Count == 0)
            return;
        output.WriteLine($"Proven in part ({partial.Count}; the verdict stands on the scenarios that ran):");
        foreach (var row in partial.Take(ProvenInPartLines))
            output.WriteLine($"  {row.Requirement.Id} {row.Requirement.Name}: {row.Verdict}, {row.Coverage}");
        if (partial.Count > ProvenInPartLines)
            output.WriteLine($"  … and {partial.Count - ProvenInPartLines} more (compliance.md)");
    }

    private void PrintOutages(RunStatus? status)
    {
        if (status?.Outages is not { Count: > 0 } outages)
            return;
        output.WriteLine();
        output.WriteLine("The deployment was unavailable during the run (the affected scenarios ran again once it answered, or were not judged):");
        foreach (var outage in outages)
            output.WriteLine($"  {outage.Describe()}: {outage.ScenariosRunAgain} ran again, {outage.ScenariosNotJudged} not judged");
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
}
