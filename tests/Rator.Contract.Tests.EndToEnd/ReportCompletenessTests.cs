using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using Rator.Contract.Tests.EndToEnd.Support;

namespace Rator.Contract.Tests.EndToEnd;

/// <summary>
/// One full run against the sandbox leaves every report, the compliance matrix lists all 70
/// requirement IDs, allure-results has one result per scenario, the manifest hashes every artifact correctly, and every
/// scenario name of summary.json appears in JUnit, TRX, allure-results, the living documentation and compliance.json.
/// One run, shared by the tests of this fixture.
/// </summary>
public sealed partial class ReportCompletenessTests : SharedRunTest
{
    private ScriptResult run = null!;
    private IReadOnlyList<string> scenarioNames = [];

    [OneTimeSetUp]
    public async Task RunTheWholeSuite()
    {
        var scratch = NewSharedScratch("full-run");
        run = await new ScriptRun(scratch.ReportDir) { Limit = TimeSpan.FromSeconds(240) }.RunAsync();
        run.ShouldExitWith(0).ShouldShowNoStackTrace();
        using var summary = run.ReadJson("summary.json");
        scenarioNames = summary.RootElement.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
        TestContext.Out.WriteLine($"full run: {scenarioNames.Count} scenarios in {run.Elapsed.TotalSeconds:0.0} s");
    }


    [Test]
    public void Every_report_is_in_the_report_folder()
    {
        foreach (var file in new[] { "living-documentation.html", "compliance.md", "compliance.html", "compliance.json", "junit.xml",
                     "results.trx", "manifest.json", "summary.json", "console.log" })
            new FileInfo(run.ReportFile(file)).Should().Match<FileInfo>(f => f.Exists && f.Length > 0, "{0} is a report of every run", file);
        Directory.Exists(run.ReportFile("allure-results")).Should().BeTrue();
        scenarioNames.Should().HaveCountGreaterThan(100, "the whole suite ran").And.OnlyHaveUniqueItems();
        foreach (var report in new[] { "living-documentation.html", "compliance.html", "compliance.md", "summary.json", "junit.xml", "results.trx", "allure-results", "manifest.json" })
            run.ConsoleLines.Should().Contain(l => l.Trim() == report, "the console says where {0} is", report);
    }

    [Test]
    public void The_compliance_matrix_lists_all_70_requirements_in_each_format()
    {
        var ids = RequirementIds();
        ids.Should().HaveCount(70);
        using var compliance = run.ReadJson("compliance.json");
        compliance.RootElement.GetProperty("requirements").EnumerateArray().Select(r => r.GetProperty("id").GetString())
            .Should().BeEquivalentTo(ids, "compliance.json has one entry per requirement");
        foreach (var file in new[] { "compliance.md", "compliance.html" })
        {
            var text = File.ReadAllText(run.ReportFile(file));
            ids.Where(id => !Regex.IsMatch(text, $@"\b{Regex.Escape(id)}\b")).Should().BeEmpty("{0} lists every requirement", file);
        }
    }

    [Test]
    public void Allure_results_hold_one_result_per_scenario()
    {
        var results = Directory.EnumerateFiles(run.ReportFile("allure-results"), "*-result.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("name").GetString()).ToList();
        results.Should().BeEquivalentTo(scenarioNames, "one result per scenario, named as the scenario");
    }

    [Test]
    public void Every_scenario_name_is_in_JUnit_and_TRX()
    {
        var junit = XDocument.Load(run.ReportFile("junit.xml")).Descendants("testcase").Select(t => (string)t.Attribute("name")!).ToList();
        var trx = XDocument.Load(run.ReportFile("results.trx")).Descendants().Where(e => e.Name.LocalName == "UnitTestResult")
            .Select(t => (string)t.Attribute("testName")!).ToList();
        scenarioNames.Except(junit).Should().BeEmpty("each scenario is a JUnit test case named as in the feature file");
        scenarioNames.Except(trx).Should().BeEmpty("each scenario is a TRX result named as in the feature file");
        // Besides the scenarios, one test carries the preflight's verdict (it is where CI reads why a run could not start).
        junit.Except(scenarioNames).Should().ContainSingle("nothing but the scenarios and the preflight's verdict");
        trx.Except(scenarioNames).Should().ContainSingle("nothing but the scenarios and the preflight's verdict");
        junit.Should().HaveCount(scenarioNames.Count + 1);
        trx.Should().HaveCount(scenarioNames.Count + 1);
    }

    [Test]
    public void Every_scenario_is_in_the_living_documentation_and_compliance_json()
    {
        var html = File.ReadAllText(run.ReportFile("living-documentation.html"));
        // The HTML embeds the Cucumber messages: one pickle per executed scenario (Examples rows expanded), JSON-escaped.
        var pickles = Pickle().Matches(html).Select(m => JsonSerializer.Deserialize<string>($"\"{m.Groups["name"].Value}\"")!).ToList();
        pickles.Should().HaveSameCount(scenarioNames);
        var missing = scenarioNames.Where(n =>
        {
            var (feature, scenario) = Split(n);
            return !pickles.Contains(scenario) || !JsonEscaped(feature).Any(f => html.Contains(f, StringComparison.Ordinal));
        });
        missing.Should().BeEmpty("the living documentation shows every scenario under its feature");

        using var compliance = run.ReadJson("compliance.json");
        var listed = compliance.RootElement.GetProperty("requirements").EnumerateArray()
            .SelectMany(r => r.GetProperty("scenarios").EnumerateArray()).Select(s => s.GetProperty("name").GetString()).ToHashSet();
        scenarioNames.Where(n => !listed.Contains(n)).Should().BeEmpty("compliance.json lists every scenario under its requirements");
    }

    /// <summary>
    /// The embedded sandbox revokes the previous access token on renewal, so RT-01's scenario for a deployment that keeps
    /// it does not apply: RT-01 passes on the three that ran, and every report says so, with the reason for the fourth.
    /// </summary>
    [Test]
    public void A_requirement_passes_on_the_scenarios_that_ran_and_says_why_the_others_did_not()
    {
        const string why = "not applicable (3 scenarios): the environment declares that a renewal revokes the previous access token (tokenEndpoint.accessTokenRevokedOnRefresh)";
        using var compliance = run.ReadJson("compliance.json");
        var rt01 = compliance.RootElement.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "RT-01");
        rt01.GetProperty("verdict").GetString().Should().Be("PASS");
        rt01.GetProperty("coverage").GetString().Should().Be("5 of 8 ran; " + why);
        var html = File.ReadAllText(run.ReportFile("compliance.html"));
        html.Should().MatchRegex("<tr id=\"RT-01\">.*<b>PASS</b></td><td class=\"rancol\"><span class=\"ran\">5 of 8</span><div class=\"why\">" + System.Text.RegularExpressions.Regex.Escape(why) + "</div>");
        File.ReadAllText(run.ReportFile("compliance.md")).Should().Contain("| **PASS** | 5 of 8<br>" + why + " |");
        run.ConsoleLines.Should().Contain("  RT-01 Refresh works as documented: PASS, 5 of 8 ran; " + why);
        using var manifest = run.ReadJson("manifest.json");
        manifest.RootElement.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "RT-01")
            .GetProperty("coverage").GetString().Should().Be("5 of 8 ran; " + why);
        using var summary = run.ReadJson("summary.json");
        summary.RootElement.GetProperty("reason").GetString().Should().StartWith("Every gating scenario passed: ");
        run.ConsoleLines.Should().Contain(l => l.StartsWith("Result: exit code 0 (every gating scenario passed). Every gating scenario passed: ", StringComparison.Ordinal));
    }

    [Test]
    public void The_manifest_hashes_every_artifact_correctly()
    {
        using var manifest = run.ReadJson("manifest.json");
        var artifacts = manifest.RootElement.GetProperty("artifacts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("path").GetString()!, a => (Sha: a.GetProperty("sha256").GetString()!, Bytes: a.GetProperty("bytes").GetInt64()));
        var files = Directory.EnumerateFiles(run.ReportDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(run.ReportDir, f).Replace('\\', '/')).Where(f => f != "manifest.json").ToList();
        artifacts.Keys.Should().BeEquivalentTo(files, "the manifest lists every file of the run but itself");
        var wrong = files.Where(f =>
        {
            var bytes = File.ReadAllBytes(Path.Combine(run.ReportDir, f));
            return artifacts[f].Bytes != bytes.Length || artifacts[f].Sha != Convert.ToHexStringLower(SHA256.HashData(bytes));
        });
        wrong.Should().BeEmpty("each hash is the file's SHA-256 as the run left it");
        manifest.RootElement.GetProperty("scenarios").GetArrayLength().Should().Be(scenarioNames.Count);
        manifest.RootElement.GetProperty("exitCode").GetInt32().Should().Be(0);
    }

    // The page's JSON may escape an apostrophe or a quote (\u0027) or not, depending on its writer's encoder.
    private static IEnumerable<string> JsonEscaped(string text) =>
    [
        JsonSerializer.Serialize(text)[1..^1],
        JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })[1..^1],
    ];

    private static (string Feature, string Scenario) Split(string testName)
    {
        var parts = testName.Split(" — ", 2);
        return (parts[0], ExampleLabel().Replace(parts[1], ""));
    }

    private static IReadOnlyList<string> RequirementIds()
    {
        using var catalogue = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "Support", "Compliance", "requirements.json")));
        return catalogue.RootElement.GetProperty("requirements").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
    }

    [GeneratedRegex(@"""pickle"":\{""id"":""[^""]*"",""uri"":""[^""]*"",""name"":""(?<name>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Pickle();

    [GeneratedRegex(@" \[[^\]]*\]$")]
    private static partial Regex ExampleLabel();
}
