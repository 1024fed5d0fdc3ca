using System.Security.Cryptography;
using System.Text;
using Rator.Contract.Tests.Support.Compliance;

namespace Rator.Contract.Tests.Support.Reporting;

/// <summary>
/// Writes allure-results/ (Allure's documented input format) from the run's scenario results, since the
/// Allure adapters for NUnit and Reqnroll are not available: one result per scenario with its steps,
/// labels (feature, rule as story, tags, severity, requirement IDs), links to the requirement, the
/// Examples row as parameters, and the redacted exchanges as attachments.
/// </summary>
public static class AllureResultsWriter
{
    public static void Write(string directory, IReadOnlyList<ScenarioResult> results, RequirementCatalogue catalogue,
        IReadOnlyDictionary<string, string> environmentFacts)
    {
        Directory.CreateDirectory(directory);
        // One file per scenario and per exchange, independent of each other: written on every core.
        Parallel.ForEach(results, result => WriteResult(directory, result, catalogue));
        File.WriteAllLines(Path.Combine(directory, "environment.properties"),
            environmentFacts.Select(f => $"{f.Key}={f.Value.Replace("\n", " ")}"));
        ReportJson.Write(Path.Combine(directory, "categories.json"), new object[]
        {
            new { name = "Contract failures (gate the release)", matchedStatuses = new[] { "failed" } },
            new { name = "Warnings (do not gate the release)", matchedStatuses = new[] { "broken" }, messageRegex = "(?s)WARNING.*" },
            new { name = "Suite or target errors", matchedStatuses = new[] { "broken" }, messageRegex = "(?s)ERROR.*" },
        });
    }

    private static void WriteResult(string directory, ScenarioResult result, RequirementCatalogue catalogue)
    {
        var uuid = Guid.NewGuid().ToString();
        var attachments = new List<(int? Step, object Attachment)>();
        foreach (var item in result.Evidence)
        {
            var source = $"{Guid.NewGuid()}-attachment.{(item.MediaType == "application/json" ? "json" : "txt")}";
            File.WriteAllText(Path.Combine(directory, source), item.Content, Encoding.UTF8);
            attachments.Add((item.StepIndex, new { name = item.Title, source, type = item.MediaType }));
        }

        var ids = RequirementCatalogue.IdsIn(result.Tags);
        var requirements = ids.Select(catalogue.Find).OfType<Requirement>().ToList();
        var labels = new List<object>
        {
            Label("epic", "Rator authentication contract"),
            Label("feature", result.Feature),
            Label("story", result.Rule ?? result.Name),
            Label("parentSuite", requirements.FirstOrDefault()?.Area ?? "Rator"),
            Label("suite", result.Feature),
            Label("severity", AllureSeverity(requirements)),
            Label("framework", "reqnroll"),
            Label("language", "csharp"),
        };
        if (result.Rule is not null)
            labels.Add(Label("subSuite", result.Rule));
        labels.AddRange(result.Tags.Select(t => Label("tag", t.TrimStart('@'))));
        labels.AddRange(ids.Select(id => Label("requirement", id)));

        var (status, message) = Status(result);
        var body = new
        {
            uuid,
            historyId = Hash($"{result.FeatureFile}|{result.TestName}"),
            testCaseId = Hash($"{result.FeatureFile}|{result.Name}"),
            fullName = $"{result.FeatureFile}: {result.TestName}",
            name = result.TestName,
            description = DescribeRequirements(requirements),
            status,
            statusDetails = new { message, trace = (string?)null },
            stage = "finished",
            start = result.Start.ToUnixTimeMilliseconds(),
            stop = result.Stop.ToUnixTimeMilliseconds(),
            labels,
            links = requirements.Select(r => new { name = $"{r.Id} {r.Name}", url = $"../compliance.html#{r.Id}", type = "tms" }),
            parameters = result.Parameters.Select(p => new { name = p.Key, value = p.Value, mode = "default" })
                .Concat(result.DataSeed is { } seed ? [new { name = "data seed", value = seed.ToString(), mode = "default" }] : []),
            steps = result.Steps.Select((step, index) => new
            {
                name = $"{step.Keyword.Trim()} {step.Text}",
                status = StepStatus(step.Status),
                statusDetails = new { message = step.Error },
                stage = "finished",
                start = step.Start.ToUnixTimeMilliseconds(),
                stop = step.Stop.ToUnixTimeMilliseconds(),
                attachments = attachments.Where(a => a.Step == index).Select(a => a.Attachment),
                steps = Array.Empty<object>(),
                parameters = Array.Empty<object>(),
            }),
            attachments = attachments.Where(a => a.Step is null || a.Step >= result.Steps.Count).Select(a => a.Attachment),
        };
        ReportJson.Write(Path.Combine(directory, $"{uuid}-result.json"), body);
    }

    private static object Label(string name, string value) => new { name, value };

    private static (string Status, string? Message) Status(ScenarioResult result) => result.Verdict switch
    {
        Verdicts.Passed => ("passed", result.Message),
        Verdicts.Failed => ("failed", result.Message),
        // Allure has no warning status; "broken" plus the category above keeps warnings visible and apart.
        Verdicts.Warning => ("broken", $"WARNING (does not gate the release): {result.Message}"),
        Verdicts.NotApplicable => ("skipped", $"Not applicable: {result.Message}"),
        Verdicts.Skipped => ("skipped", result.Message),
        _ => ("broken", $"ERROR: {result.Message}"),
    };

    private static string StepStatus(string status) => status switch
    {
        "passed" => "passed",
        "failed" => "failed",
        "skipped" => "skipped",
        _ => "broken",
    };

    private static string AllureSeverity(IReadOnlyList<Requirement> requirements)
    {
        var worst = requirements.Select(r => r.Severity).OrderBy(s => Array.IndexOf(SeverityOrder, s)).FirstOrDefault();
        return worst switch { "Critical" => "blocker", "High" => "critical", "Medium" => "normal", "Low" => "minor", _ => "normal" };
    }

    private static readonly string[] SeverityOrder = ["Critical", "High", "Medium", "Low"];

    private static string DescribeRequirements(IEnumerable<Requirement> requirements) =>
        string.Join("\n\n", requirements.Select(r => $"**{r.Id} {r.Name}** ({r.Strength}, {r.Source}): {r.Check}"));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
