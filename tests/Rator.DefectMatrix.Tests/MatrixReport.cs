using System.Globalization;
using System.Text;
using Rator.Contract.Tests.Support.Reporting;
using Rator.SuiteRuns;

namespace Rator.DefectMatrix.Tests;

/// <summary>
/// The matrix as people and machines read it: defect-matrix.md and defect-matrix.json in
/// reports/defect-matrix/, next to each run's own reports (runs/&lt;label&gt;/).
/// </summary>
public sealed record MatrixReport(
    DateTimeOffset Finished,
    string Configuration,
    int Concurrency,
    double WallSeconds,
    IReadOnlyList<MatrixReport.Run> Compliant,
    MatrixReport.Defect? FullSuite,
    string? FullSuiteChoice,
    IReadOnlyList<MatrixReport.DialectResult> Dialects,
    IReadOnlyList<MatrixReport.Conflict> Conflicts,
    IReadOnlyList<MatrixReport.Uncovered> RequirementsWithoutDefect)
{
    public sealed record Run(
        string Label, string Request, int ExitCode, double DurationSeconds, IReadOnlyDictionary<string, int> Counts,
        IReadOnlyList<string> Failing, string ReportDir);

    public sealed record Defect(
        string Name, string Requirement, string Description, bool Caught, string Reason, IReadOnlyList<string> WithoutVariants, string Baseline,
        IReadOnlyList<string> CaughtBy, IReadOnlyList<string> Unrelated, IReadOnlyList<string> Unexpected, int ExitCode, double DurationSeconds, string ReportDir);

    public sealed record DialectResult(string Name, IReadOnlyList<Defect> Defects, Tally Score);

    public sealed record Conflict(string Variant, string Defect, string Reason);

    public sealed record Uncovered(string Requirement, string Reason);

    public sealed record Tally(int Caught, int Total, string Suffix)
    {
        public override string ToString() => $"caught {Caught} of {Total}{Suffix}";
    }

    public static MatrixReport From(
        SuiteCheckout checkout, int concurrency, TimeSpan wall, IReadOnlyList<FinishedRun> compliant,
        DefectJudgement? fullSuite, string? fullSuiteChoice, IReadOnlyList<DefectJudgement> defects)
    {
        var dialects = Dialect.Both.Where(d => defects.Any(j => j.Dialect == d)).Select(dialect =>
        {
            var rows = defects.Where(d => d.Dialect == dialect)
                .OrderBy(d => d.Defect.RequirementId, StringComparer.Ordinal).ThenBy(d => d.Defect.Name, StringComparer.Ordinal)
                .Select(d => Row(checkout, d)).ToList();
            return new DialectResult(dialect.Name, rows, new Tally(rows.Count(r => r.Caught), rows.Count, dialect.ScoreSuffix));
        }).ToList();
        return new MatrixReport(
            DateTimeOffset.UtcNow, checkout.Configuration, concurrency, Math.Round(wall.TotalSeconds, 1),
            compliant.OrderBy(r => r.Request.Label, StringComparer.Ordinal).Select(r => new Run(
                r.Request.Label, r.Request.ToString(), r.ExitCode, Seconds(r.Duration), r.Summary?.Counts ?? new Dictionary<string, int>(),
                r.Failing.Select(s => $"{s.Name}: {FinishedRun.Gist(s.Message)}").ToList(), Relative(checkout, r.ReportDir))).ToList(),
            fullSuite is null ? null : Row(checkout, fullSuite),
            fullSuiteChoice,
            dialects,
            Rator.Sandbox.SandboxVariantCatalog.Conflicts.Select(c => new Conflict(c.Variant, c.Defect, c.Reason)).ToList(),
            global::Rator.DefectMatrix.Tests.RequirementsWithoutDefect.Reasons.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new Uncovered(r.Key, r.Value)).ToList());
    }

    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        ReportJson.Write(Path.Combine(directory, "defect-matrix.json"), this);
        File.WriteAllText(Path.Combine(directory, "defect-matrix.md"), Markdown());
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Defect matrix").AppendLine();
        md.AppendLine($"The contract suite run against the sandbox compliant and once per named defect, in two dialects: the plain sandbox " +
                      $"and the sandbox with every variant on ({Configuration} build, {Concurrency} runs at a time, " +
                      $"{WallSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s wall in all, finished {Finished:yyyy-MM-dd HH:mm} UTC). " +
                      "A defect is caught when its run exits 1 and a failing scenario proves the requirement it breaks " +
                      "(and passes against the compliant sandbox of the same dialect, with the same variants).").AppendLine();

        md.AppendLine("## Compliant runs").AppendLine();
        foreach (var run in Compliant)
            md.AppendLine($"- `{run.Label}` ({run.Request}): exit {run.ExitCode}, {CountsText(run.Counts)}, {Seconds(run.DurationSeconds)} (`{run.ReportDir}`)" +
                          (run.Failing.Count > 0 ? $"; failing: {string.Join("; ", run.Failing)}" : ""));
        if (FullSuite is not null)
            md.AppendLine($"- Full suite with defect `{FullSuite.Name}` ({FullSuite.Requirement}, {FullSuiteChoice}): {(FullSuite.Caught ? "caught" : "NOT caught")} " +
                          $"by {FullSuite.CaughtBy.Count} scenario(s); {FullSuite.Unrelated.Count} failure(s) in other requirements, " +
                          $"{FullSuite.Unexpected.Count} of them not declared collateral (CollateralFailures); exit {FullSuite.ExitCode}, " +
                          $"{Seconds(FullSuite.DurationSeconds)} (`{FullSuite.ReportDir}`)" +
                          (FullSuite.Unrelated.Count > 0 ? $"; other requirements: {string.Join("; ", FullSuite.Unrelated)}" : ""));
        md.AppendLine();

        foreach (var dialect in Dialects)
        {
            md.AppendLine($"## Defects, {dialect.Name} (each run with only its requirement's scenarios)").AppendLine();
            md.AppendLine("| Defect | Requirement | Caught | By scenarios | Without variants | Exit | Duration |");
            md.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var d in dialect.Defects)
                md.AppendLine($"| `{d.Name}` | {d.Requirement} | {(d.Caught ? "yes" : "**no**")} | " +
                              $"{Cell(d.Caught ? string.Join("<br>", d.CaughtBy.Select(Short)) : d.Reason)} | {string.Join(", ", d.WithoutVariants)} | {d.ExitCode} | {Seconds(d.DurationSeconds)} |");
            if (dialect.Defects.Count > 0)
            {
                var durations = dialect.Defects.Select(d => d.DurationSeconds).Order().ToList();
                md.AppendLine().AppendLine($"Per-run time: min {Seconds(durations[0])}, median {Seconds(durations[durations.Count / 2])}, max {Seconds(durations[^1])}.");
            }
            md.AppendLine().AppendLine(dialect.Score.ToString()).AppendLine();
        }

        md.AppendLine("## Defects that cannot coexist with a variant").AppendLine();
        md.AppendLine("With all variants, each runs with every other variant and is judged against a compliant run with the same ones.").AppendLine();
        md.AppendLine("| Defect | Variant left out | Why |");
        md.AppendLine("|---|---|---|");
        foreach (var c in Conflicts) md.AppendLine($"| `{c.Defect}` | `{c.Variant}` | {Cell(c.Reason)} |");
        md.AppendLine();

        md.AppendLine("## Requirements without a defect").AppendLine();
        md.AppendLine("| Requirement | Why no defect |");
        md.AppendLine("|---|---|");
        foreach (var u in RequirementsWithoutDefect) md.AppendLine($"| {u.Requirement} | {Cell(u.Reason)} |");
        md.AppendLine();

        foreach (var dialect in Dialects) md.AppendLine(dialect.Score.ToString()).AppendLine();
        return md.ToString();
    }

    private static Defect Row(SuiteCheckout checkout, DefectJudgement j) => new(
        j.Defect.Name, j.Defect.RequirementId, j.Defect.Description, j.Caught, j.Reason, j.Dialect.Without(j.Defect), j.Baseline.Request.Label,
        j.CaughtBy.Select(s => s.Name).ToList(), j.Unrelated.Select(s => s.Name).ToList(), j.Unexpected.Select(s => s.Name).ToList(),
        j.Run.ExitCode, Seconds(j.Run.Duration), Relative(checkout, j.Run.ReportDir));

    private static string Relative(SuiteCheckout checkout, string path) => Path.GetRelativePath(checkout.Root, path).Replace('\\', '/');

    private static double Seconds(TimeSpan duration) => Math.Round(duration.TotalSeconds, 1);

    private static string Seconds(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string CountsText(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key}"));

    /// <summary>A scenario's name without its feature's title, which every scenario name repeats (the JSON keeps it).</summary>
    private static string Short(string scenarioName)
    {
        var separator = scenarioName.IndexOf(" — ", StringComparison.Ordinal);
        return separator < 0 ? scenarioName : scenarioName[(separator + 3)..];
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\r", "").Replace("\n", "<br>");
}
