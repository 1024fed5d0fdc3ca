using System.Net;
using System.Text;
using Rator.Contract.Tests.Support.Compliance;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>Writes the compliance matrix three ways: Markdown for reviews, HTML for a browser from disk, JSON for machines.</summary>
public static class ComplianceReportWriter
{
    /// <param name="wholeRun">the rules judged over every answer of the run, with their counts: a section of each report.</param>
    public static void WriteAll(ComplianceMatrix matrix, string reportDirectory, string environment, RunComparison? comparison = null,
        WholeRunReport? wholeRun = null)
    {
        Directory.CreateDirectory(reportDirectory);
        File.WriteAllText(Path.Combine(reportDirectory, ReportFiles.ComplianceMarkdown), Markdown(matrix, environment, comparison) + WholeRunMarkdown(wholeRun));
        File.WriteAllText(Path.Combine(reportDirectory, ReportFiles.ComplianceHtml),
            Html(matrix, environment, comparison).Replace("</body></html>", WholeRunHtml(wholeRun) + "</body></html>", StringComparison.Ordinal));
        ReportJson.Write(Path.Combine(reportDirectory, ReportFiles.ComplianceJson), Json(matrix, environment, comparison, wholeRun));
    }

    public static object Json(ComplianceMatrix matrix, string environment, RunComparison? comparison = null, WholeRunReport? wholeRun = null) => new
    {
        environment,
        comparison,
        judgedOverTheWholeRun = wholeRun?.Entries ?? [],
        totals = matrix.Totals,
        requirements = matrix.Rows.Select(r => new
        {
            id = r.Requirement.Id,
            name = r.Requirement.Name,
            area = r.Requirement.Area,
            source = r.Requirement.Source,
            sourceGroup = r.Requirement.SourceGroup,
            strength = r.Requirement.Strength,
            gating = r.Requirement.Gating,
            severity = r.Requirement.Severity,
            promise = r.Requirement.Promise,
            wording = r.Requirement.Wording,
            accepted = r.Requirement.Accepted,
            verdict = r.Verdict,
            ran = r.Ran,
            scenarioCount = r.Scenarios.Count,
            coverage = r.Coverage,
            notRun = r.NotRunReasons.Select(n => new { verdict = n.Verdict, n.Reason, n.Scenarios }),
            scenarios = r.Scenarios.Select(s => new { s.Feature, s.Name, s.Verdict, s.Message, s.Checks }),
        }),
    };

    public static string Markdown(ComplianceMatrix matrix, string environment, RunComparison? comparison = null)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Rator compliance matrix: {environment}").AppendLine();
        md.Append(ComparisonMarkdown(comparison));
        md.AppendLine(string.Join(" · ", matrix.Totals.Where(t => t.Value > 0).Select(t => $"{t.Key} {t.Value}")))
          .AppendLine();
        md.Append(ProvenInPartMarkdown(matrix));
        foreach (var group in ComplianceMatrix.Groups)
        {
            var rows = matrix.Rows.Where(r => r.Requirement.SourceGroup == group).ToList();
            md.AppendLine($"## {group} ({rows.Count})").AppendLine();
            md.AppendLine("| ID | Requirement | Promise, wording, accepted | Source | Strength | Severity | Verdict | Ran | Scenarios |");
            md.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var row in rows)
            {
                var r = row.Requirement;
                var scenarios = row.Scenarios.Count == 0
                    ? "—"
                    : string.Join("<br>", row.Scenarios.Select(s => $"{Cell(s.Name)} ({s.Verdict}{(s.Checks == ComplianceMatrix.ScenarioRef.Wording ? ", wording" : "")})"));
                md.AppendLine($"| {r.Id} | {Cell(r.Name)} | {Cell(PromiseText(r, "<br>"))} | {Cell(r.Source)} | {Cell(r.Strength)} | {r.Severity} | **{row.Verdict}** | {Cell(RanText(row, "<br>"))} | {scenarios} |");
            }
            md.AppendLine();
        }
        return md.ToString();
    }

    /// <summary>
    /// The requirements whose verdict stands on some of their scenarios only, each with why the others did not run: what a
    /// reader must not take as proven. For compliance.md and the CI summaries.
    /// </summary>
    public static string ProvenInPartMarkdown(ComplianceMatrix matrix, int? limit = null)
    {
        var rows = matrix.ProvenInPart;
        if (rows.Count == 0)
            return "";
        var md = new StringBuilder();
        md.AppendLine($"**Proven in part** ({rows.Count}): the verdict stands on the scenarios that ran.").AppendLine();
        foreach (var row in rows.Take(limit ?? rows.Count))
            md.AppendLine($"- {row.Requirement.Id} {Cell(row.Requirement.Name)}: **{row.Verdict}**, {Cell(row.Coverage!)}");
        if (limit is { } shown && rows.Count > shown)
            md.AppendLine($"- … and {rows.Count - shown} more (compliance.md)");
        return md.AppendLine().ToString();
    }

    /// <summary>"3 of 4 ran" and, one per line, why the others did not.</summary>
    private static string RanText(ComplianceMatrix.Row row, string separator) =>
        row.Scenarios.Count == 0
            ? "—"
            : string.Join(separator, [$"{row.Ran} of {row.Scenarios.Count}", .. row.NotRunReasons.Select(r => r.Describe())]);

    /// <summary>The rules judged over every answer of the run, each with what it judged ("214 token-endpoint answers … from 131 scenarios").</summary>
    public static string WholeRunMarkdown(WholeRunReport? wholeRun)
    {
        if (wholeRun is not { Entries.Count: > 0 })
            return "";
        var md = new StringBuilder();
        md.AppendLine("## Judged over every answer of the run").AppendLine();
        md.AppendLine("| ID | Scenario | Verdict | Judged |").AppendLine("|---|---|---|---|");
        foreach (var entry in wholeRun.Entries)
            md.AppendLine($"| {string.Join(" ", entry.Requirements)} | {Cell(entry.Scenario)} | **{entry.Verdict}** | {Cell(entry.Judged)} |");
        return md.AppendLine().ToString();
    }

    private static string WholeRunHtml(WholeRunReport? wholeRun)
    {
        if (wholeRun is not { Entries.Count: > 0 })
            return "";
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.AppendLine("<h2 id=\"whole-run\">Judged over every answer of the run</h2><table><tr><th>ID</th><th>Scenario</th><th>Verdict</th><th>Judged</th></tr>");
        foreach (var entry in wholeRun.Entries)
            html.AppendLine($"<tr><td>{string.Join(" ", entry.Requirements.Select(id => $"<a href=\"#{E(id)}\">{E(id)}</a>"))}</td><td>{E(entry.Scenario)}</td>"
                + $"<td class=\"{entry.Verdict}\"><b>{entry.Verdict}</b></td><td>{E(entry.Judged)}</td></tr>");
        return html.AppendLine("</table>").ToString();
    }

    /// <summary>"Since the last run": the headline and each non-empty list, for compliance.md and the CI summaries.</summary>
    public static string ComparisonMarkdown(RunComparison? comparison)
    {
        if (comparison is null)
            return "";
        var md = new StringBuilder();
        md.AppendLine("## Since the baseline").AppendLine().AppendLine(comparison.Headline()).AppendLine();
        foreach (var (title, changes) in comparison.Sections().Where(s => s.Changes.Count > 0))
        {
            md.AppendLine($"**{title}** ({changes.Count})").AppendLine();
            foreach (var change in changes)
                md.AppendLine($"- {Cell(RunComparison.Describe(change))}");
            md.AppendLine();
        }
        return md.ToString();
    }

    /// <summary>What gates, what only words it, and what else the RFCs allow: the reader's "why did this pass?".</summary>
    private static string PromiseText(Requirement r, string separator) =>
        string.Join(separator, new[]
        {
            r.Promise,
            r.Wording is null ? null : $"Wording (warns): {r.Wording}",
            r.Accepted.Count == 0 ? null : $"Accepted: {string.Join("; ", r.Accepted)}",
        }.OfType<string>());

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");

    public static string Html(ComplianceMatrix matrix, string environment, RunComparison? comparison = null)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Rator compliance: {{E(environment)}}</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%;margin-bottom:2rem}
            th,td{border:1px solid #ccc;padding:.35rem .5rem;vertical-align:top;text-align:left;font-size:.9rem}th{background:#f3f3f3}
            .PASS{background:#d9f2d9}.FAIL{background:#f8d0d0}.ERROR{background:#f8d0d0}.WARNING{background:#fcecc4}
            .NOT_APPLICABLE,.SKIPPED,.NOT_RUN{background:#e8e8f0}.NOT_COVERED{background:#eee;color:#777}
            .ran{white-space:nowrap}.why{font-size:.78rem;color:#444;margin-top:.2rem;min-width:10rem;max-width:12rem;overflow-wrap:anywhere}.partial{font-size:.85rem}
            .totals span{display:inline-block;margin-right:1rem;padding:.2rem .5rem;border-radius:4px}
            details{margin:0}summary{cursor:pointer}.promise{font-size:.8rem;color:#444;margin-top:.3rem}.wording{font-size:.75rem;color:#666}
            </style></head><body>
            <h1>Rator compliance matrix: {{E(environment)}}</h1>
            <p class="totals">
            """);
        foreach (var (verdict, count) in matrix.Totals.Where(t => t.Value > 0))
            html.Append($"<span class=\"{verdict}\">{verdict}: {count}</span>");
        html.AppendLine("</p>");
        if (matrix.ProvenInPart is { Count: > 0 } partial)
        {
            html.AppendLine($"<section id=\"proven-in-part\" class=\"partial\"><h2>Proven in part ({partial.Count})</h2><p>The verdict stands on the scenarios that ran; the others did not apply or could not run.</p><ul>");
            foreach (var row in partial)
                html.AppendLine($"<li><a href=\"#{E(row.Requirement.Id)}\">{E(row.Requirement.Id)}</a> {E(row.Requirement.Name)}: <b>{row.Verdict}</b>, {E(row.Coverage)}</li>");
            html.AppendLine("</ul></section>");
        }
        if (comparison is not null)
        {
            html.AppendLine($"<section id=\"comparison\"><h2>Since the baseline</h2><p>{E(comparison.Headline())}</p>");
            foreach (var (title, changes) in comparison.Sections().Where(s => s.Changes.Count > 0))
            {
                html.AppendLine($"<h3>{E(title)} ({changes.Count})</h3><ul>");
                foreach (var change in changes)
                    html.AppendLine($"<li class=\"{ComplianceMatrix.ToMatrixVerdict(change.Now ?? change.Was ?? "")}\">"
                        + string.Join(" ", change.Requirements.Select(id => $"<a href=\"#{E(id)}\">{E(id)}</a>"))
                        + $" {E(change.Name)} ({E(change.Was ?? "not run")} → {E(change.Now ?? "not run")})</li>");
                html.AppendLine("</ul>");
            }
            html.AppendLine("</section>");
        }
        foreach (var group in ComplianceMatrix.Groups)
        {
            var rows = matrix.Rows.Where(r => r.Requirement.SourceGroup == group).ToList();
            html.AppendLine($"<h2>{E(group)} ({rows.Count})</h2><table><tr><th>ID</th><th>Requirement</th><th>Source</th><th>Strength</th><th>Severity</th><th>Verdict</th><th>Ran</th><th>Scenarios</th></tr>");
            foreach (var row in rows)
            {
                var r = row.Requirement;
                var scenarios = string.Join("", row.Scenarios.Select(s => s.Message is null
                    ? $"<div class=\"{s.Verdict}\">{E(s.Name)}{WordingMark(s)}</div>"
                    : $"<details class=\"{s.Verdict}\"><summary>{E(s.Name)}{WordingMark(s)}</summary><pre>{E(s.Message)}</pre></details>"));
                html.AppendLine($"<tr id=\"{r.Id}\"><td>{r.Id}</td><td>{E(r.Name)}<br><small>{E(r.Check)}</small><div class=\"promise\">{string.Join("<br>", PromiseText(r, "\n").Split('\n').Select(E))}</div></td><td>{E(r.Source)}</td><td>{E(r.Strength)}</td><td>{r.Severity}</td><td class=\"{row.Verdict}\"><b>{row.Verdict}</b></td><td class=\"rancol\">{RanCell(row)}</td><td class=\"scenarios\">{scenarios}</td></tr>");
            }
            html.AppendLine("</table>");
        }
        html.AppendLine("</body></html>");
        return html.ToString();

        static string RanCell(ComplianceMatrix.Row row) => row.Scenarios.Count == 0
            ? "—"
            : $"<span class=\"ran\">{row.Ran} of {row.Scenarios.Count}</span>"
              + string.Concat(row.NotRunReasons.Select(r => $"<div class=\"why\">{E(r.Describe())}</div>"));

        static string WordingMark(ComplianceMatrix.ScenarioRef s) =>
            s.Checks == ComplianceMatrix.ScenarioRef.Wording ? " <span class=\"wording\">(wording)</span>" : "";
    }
}
