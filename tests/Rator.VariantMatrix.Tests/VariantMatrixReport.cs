using System.Globalization;
using System.Text;
using Rator.Contract.Tests.Support.Reporting;
using Rator.Sandbox;
using Rator.SuiteRuns;

namespace Rator.VariantMatrix.Tests;

/// <summary>
/// The matrix as people and machines read it: variant-matrix.md and variant-matrix.json in
/// reports/variant-matrix/, next to each run's own reports (runs/&lt;label&gt;/).
/// </summary>
public sealed record VariantMatrixReport(
    DateTimeOffset Finished,
    string Configuration,
    int Concurrency,
    double WallSeconds,
    VariantMatrixReport.Run? Plain,
    IReadOnlyList<VariantMatrixReport.Variant> Variants,
    IReadOnlyList<DeservedVerdicts.Deserved> Declared,
    VariantMatrixReport.Tally Score)
{
    public const string Order = "passed > warning > notApplicable > skipped > absent (did not run); failed and error gate on their own";

    public sealed record Run(int ExitCode, double DurationSeconds, IReadOnlyDictionary<string, int> Counts, string ReportDir);

    public sealed record Variant(
        string Name, string Clause, bool Passed, string Reason, int ExitCode, double DurationSeconds, IReadOnlyDictionary<string, int> Counts,
        IReadOnlyList<string> Failing, IReadOnlyList<string> Worse, IReadOnlyList<string> Deserved, IReadOnlyList<string> Better,
        IReadOnlyList<string> Stale, string ReportDir);

    public sealed record Tally(int Passed, int Total)
    {
        public override string ToString() => $"variants: {Passed} of {Total} passed with 0 failures";
    }

    public static string Clause(string variant) => variant == DeservedVerdicts.AllVariants
        ? "every variant at once"
        : SandboxVariantCatalog.All.FirstOrDefault(v => v.Name == variant)?.Clause ?? "not in the catalogue";

    public static VariantMatrixReport From(SuiteCheckout checkout, int concurrency, TimeSpan wall, FinishedRun? plain, IReadOnlyList<VariantJudgement> judged)
    {
        var rows = judged.OrderBy(j => VariantRuns.Variants.ToList().IndexOf(j.Variant)).Select(j => new Variant(
            j.Variant, Clause(j.Variant), j.Passed, j.Reason, j.Run.ExitCode, Seconds(j.Run.Duration), j.Run.Summary?.Counts ?? new Dictionary<string, int>(),
            j.Failing.Select(VariantJudgement.Describe).ToList(),
            j.Worse.Select(c => c.ToString()).ToList(),
            j.Deserved.Select(c => $"{c} (deserved: {c.Declaration!.Reason})").ToList(),
            j.Better.Select(c => c.ToString()).ToList(),
            j.Stale.Select(d => d.ToString()).ToList(),
            Relative(checkout, j.Run.ReportDir))).ToList();
        return new VariantMatrixReport(
            DateTimeOffset.UtcNow, checkout.Configuration, concurrency, Math.Round(wall.TotalSeconds, 1),
            plain is null ? null : new Run(plain.ExitCode, Seconds(plain.Duration), plain.Summary?.Counts ?? new Dictionary<string, int>(), Relative(checkout, plain.ReportDir)),
            rows, DeservedVerdicts.All, new Tally(rows.Count(r => r.Passed), rows.Count));
    }

    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        ReportJson.Write(Path.Combine(directory, "variant-matrix.json"), this);
        File.WriteAllText(Path.Combine(directory, "variant-matrix.md"), Markdown());
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Variant matrix").AppendLine();
        md.AppendLine($"The whole contract suite run against the plain sandbox, against each compliant variant alone and against all of them " +
                      $"({Configuration} build, {Concurrency} runs at a time, {Seconds(WallSeconds)} wall in all, finished {Finished:yyyy-MM-dd HH:mm} UTC). " +
                      "A variant passes when its run exits 0, no scenario fails, and no scenario's verdict is worse than against the plain sandbox " +
                      $"unless DeservedVerdicts declares it. Verdict order: {Order}.").AppendLine();
        if (Plain is not null)
            md.AppendLine($"Plain sandbox: exit {Plain.ExitCode}, {CountsText(Plain.Counts)}, {Seconds(Plain.DurationSeconds)} (`{Plain.ReportDir}`).").AppendLine();

        md.AppendLine("| Variant | Passed | Exit | Verdicts | Duration | Clause |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var v in Variants)
            md.AppendLine($"| `{v.Name}` | {(v.Passed ? "yes" : "**no**")} | {v.ExitCode} | {CountsText(v.Counts)} | {Seconds(v.DurationSeconds)} | {Cell(v.Clause)} |");
        md.AppendLine();

        foreach (var v in Variants.Where(v => !v.Passed || v.Deserved.Count + v.Better.Count + v.Stale.Count > 0))
        {
            md.AppendLine($"## `{v.Name}`").AppendLine();
            md.AppendLine($"{(v.Passed ? "Passed" : "**Not passed**")}: {(v.Failing.Count + v.Worse.Count > 0 ? "see below" : Cell(v.Reason))} (`{v.ReportDir}`)").AppendLine();
            List("Failing", v.Failing);
            List("Worse than plain, not declared", v.Worse);
            List("Worse than plain, deserved", v.Deserved);
            List("Better than plain", v.Better);
            List("STALE declarations (declared deserved, no longer happening)", v.Stale);
        }

        md.AppendLine("## Deserved verdicts declared").AppendLine();
        md.AppendLine("| Variant | Scenario or requirement | Verdict | Reason |");
        md.AppendLine("|---|---|---|---|");
        foreach (var d in Declared) md.AppendLine($"| `{d.Variant}` | {Cell(d.Scenario)} | {d.Verdict} | {Cell(d.Reason)} |");
        md.AppendLine();
        md.AppendLine(Score.ToString());
        return md.ToString();

        void List(string title, IReadOnlyList<string> items)
        {
            if (items.Count == 0) return;
            md.AppendLine($"{title}:").AppendLine();
            foreach (var item in items) md.AppendLine($"- {item.Replace("\n", " ")}");
            md.AppendLine();
        }
    }

    private static string Relative(SuiteCheckout checkout, string path) => Path.GetRelativePath(checkout.Root, path).Replace('\\', '/');

    private static double Seconds(TimeSpan duration) => Math.Round(duration.TotalSeconds, 1);

    private static string Seconds(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string CountsText(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key}"));

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\r", "").Replace("\n", "<br>");
}
