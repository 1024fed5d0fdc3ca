using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Unit.Reporting;

public sealed class RunFinisherTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateReportFolder() => _dir = Directory.CreateTempSubdirectory("rator-report-").FullName;

    [TearDown]
    public void DeleteReportFolder() => Directory.Delete(_dir, recursive: true);

    private static ScenarioResult Scenario(string name, string verdict, params string[] tags) => SampleResults.Scenario(name, verdict, tags);

    private int Finish(IReadOnlyList<(string, string)>? secrets = null, RunOutcome outcome = RunOutcome.Completed)
    {
        ReportJson.Write(RunStatus.PathIn(_dir), new RunStatus { Outcome = outcome, Environment = "local", Message = "target unreachable" });
        return new RunFinisher(RequirementCatalogue.Default, TextWriter.Null)
            .Finish(new RunFinisher.Inputs(_dir, "local", "@BK-06", secrets ?? []));
    }

    [Test]
    public void A_run_with_a_contract_failure_exits_1_and_writes_every_report()
    {
        var log = new ScenarioLog(_dir);
        log.Append(Scenario("own brand", Verdicts.Passed, "brand", "BK-06"));
        log.Append(Scenario("other brand", Verdicts.Failed, "brand", "BK-06"));
        log.Append(Scenario("cc refresh", Verdicts.Warning, "CC-02"));

        Finish().Should().Be(ExitCodes.ContractFailures);

        foreach (var file in new[] { ReportFiles.Summary, ReportFiles.ComplianceMarkdown, ReportFiles.ComplianceHtml, ReportFiles.ComplianceJson, ReportFiles.Manifest })
            File.Exists(Path.Combine(_dir, file)).Should().BeTrue(file);
        Directory.GetFiles(Path.Combine(_dir, ReportFiles.AllureResults), "*-result.json").Should().HaveCount(3);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, ReportFiles.Summary)));
        summary.RootElement.GetProperty("exitCode").GetInt32().Should().Be(1);
        summary.RootElement.GetProperty("counts").GetProperty("failed").GetInt32().Should().Be(1);
        summary.RootElement.GetProperty("counts").GetProperty("warning").GetInt32().Should().Be(1);
        summary.RootElement.GetProperty("scenarios")[0].GetProperty("tags").EnumerateArray().Should().NotBeEmpty();
    }

    [Test]
    public void The_compliance_matrix_takes_the_worst_verdict_and_lists_every_requirement()
    {
        var matrix = ComplianceMatrix.Build(RequirementCatalogue.Default,
            [Scenario("a", Verdicts.Passed, "BK-06"), Scenario("b", Verdicts.Failed, "BK-06"), Scenario("c", Verdicts.Warning, "CC-02")],
            coverage: new HashSet<string> { "BK-06", "CC-02", "PW-01" });

        matrix.Rows.Should().HaveCount(70);
        matrix.Rows.Single(r => r.Requirement.Id == "BK-06").Verdict.Should().Be(ComplianceMatrix.Fail);
        matrix.Rows.Single(r => r.Requirement.Id == "CC-02").Verdict.Should().Be(ComplianceMatrix.Warning);
        matrix.Rows.Single(r => r.Requirement.Id == "PW-01").Verdict.Should().Be(ComplianceMatrix.NotRun);
        matrix.Rows.Single(r => r.Requirement.Id == "RT-08").Verdict.Should().Be(ComplianceMatrix.NotCovered);
        ComplianceReportWriter.Html(matrix, "local").Should().Contain("id=\"BK-06\"").And.NotContain("<script");
    }

    [Test]
    public void A_secret_left_in_an_artifact_exits_5_and_names_the_file_not_the_secret()
    {
        new ScenarioLog(_dir).Append(Scenario("leaky", Verdicts.Passed, "BK-06") with { Message = "secret Partner:Secret+2&=%/x" });
        var console = new StringWriter();
        ReportJson.Write(RunStatus.PathIn(_dir), new RunStatus { Outcome = RunOutcome.Completed, Environment = "local" });

        var code = new RunFinisher(RequirementCatalogue.Default, console)
            .Finish(new RunFinisher.Inputs(_dir, "local", null, [("clients.second.secret", "Partner:Secret+2&=%/x")]));

        code.Should().Be(ExitCodes.SecretLeaked);
        console.ToString().Should().Contain("run/scenarios.ndjson").And.NotContain("Partner:Secret");
    }

    [Test]
    public void A_token_is_found_by_its_fingerprint_only()
    {
        const string token = "q3Zr9XU1lJwqfC6n0bK8Vd2yTgE5hA4sPpLmNoRcWxI";
        Directory.CreateDirectory(Path.Combine(_dir, "run"));
        File.WriteAllText(Path.Combine(_dir, ReportFiles.TokenFingerprints), ArtifactSecretScan.Fingerprint(token) + "\n");
        File.WriteAllText(Path.Combine(_dir, "junit.xml"), $"<failure>Bearer {token}</failure>");

        var findings = ArtifactSecretScan.Scan(_dir, [], File.ReadLines(Path.Combine(_dir, ReportFiles.TokenFingerprints)).ToHashSet());

        findings.Should().ContainSingle().Which.File.Should().Be("junit.xml");
    }

    [Test]
    public void Every_secret_is_found_in_every_file_in_any_of_its_forms_in_one_pass()
    {
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "first s3cret-one, then Partner%3ASecret%2B2 encoded");
        File.WriteAllText(Path.Combine(_dir, "b.txt"), "nothing here but s3cret-on");
        File.WriteAllText(Path.Combine(_dir, "c.txt"), "s3cret-ones3cret-one");

        var findings = ArtifactSecretScan.Scan(_dir, [("one", "s3cret-one"), ("two", "Partner:Secret+2")], new HashSet<string>());

        findings.Select(f => (f.File, f.What)).Should().BeEquivalentTo([
            ("a.txt", "the value of secret 'one'"), ("a.txt", "the value of secret 'two'"), ("c.txt", "the value of secret 'one'")]);
    }

    [TestCase(RunOutcome.ConfigurationError, ExitCodes.ConfigurationError)]
    [TestCase(RunOutcome.Unreachable, ExitCodes.Unreachable)]
    public void A_run_stopped_by_its_preflight_exits_with_the_preflight_code(RunOutcome outcome, int expected) =>
        Finish(outcome: outcome).Should().Be(expected);

    [Test]
    public void The_declared_name_is_the_runs_one_name_in_every_report_and_the_baseline_is_matched_on_it()
    {
        var folder = Directory.CreateTempSubdirectory("rator-env-").FullName;
        try
        {
            var file = Path.Combine(folder, "acme.environment.json");
            File.WriteAllText(file, "{ \"name\": \"acme\", \"target\": { \"baseUrl\": \"https://acme.example/rator\" } }");
            var name = Support.Configuration.EnvironmentName.Of(file);
            name.Should().Be("acme");
            new ScenarioLog(_dir).Append(Scenario("own brand", Verdicts.Passed, "BK-06"));
            ReportJson.Write(RunStatus.PathIn(_dir), new RunStatus { Outcome = RunOutcome.Completed, Environment = name });
            var finisher = new RunFinisher(RequirementCatalogue.Default, TextWriter.Null);
            finisher.Finish(new RunFinisher.Inputs(_dir, name, null, []));
            // The next run of the same file: its folder keeps the previous summary as the baseline.
            Directory.CreateDirectory(Path.Combine(_dir, "baseline"));
            File.Copy(Path.Combine(_dir, ReportFiles.Summary), Path.Combine(_dir, ReportFiles.Baseline));
            var console = new StringWriter();

            new RunFinisher(RequirementCatalogue.Default, console).Finish(new RunFinisher.Inputs(_dir, name, null, [])).Should().Be(0);

            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, ReportFiles.Summary)));
            summary.RootElement.GetProperty("environment").GetString().Should().Be("acme");
            summary.RootElement.GetProperty("comparison").GetProperty("refused").ValueKind.Should().Be(JsonValueKind.Null, "the baseline is a run of 'acme' too");
            summary.RootElement.GetProperty("reason").GetString().Should().Be("Every gating scenario passed: 1 passed.");
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, ReportFiles.Manifest)));
            manifest.RootElement.GetProperty("environment").GetString().Should().Be("acme");
            File.ReadAllText(Path.Combine(_dir, ReportFiles.ComplianceMarkdown)).Should().StartWith("# Rator compliance matrix: acme");
            File.ReadAllText(Path.Combine(_dir, ReportFiles.ComplianceHtml)).Should().Contain("<h1>Rator compliance matrix: acme</h1>");
            console.ToString().Should().Contain("(acme)").And.NotContain("acme.environment");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase("{ \"name\": \"acme\" }", "acme")]
    [TestCase("{ \"name\": \"  \" }", "acme.environment")]
    [TestCase("{ \"description\": \"no name\" }", "acme.environment")]
    [TestCase("{ \"name\": \"${E2E_UNSET_NAME_VARIABLE}\" }", "acme.environment")]
    [TestCase("not json at all", "acme.environment")]
    public void The_name_is_the_declared_one_or_else_the_file_name(string content, string expected)
    {
        var file = Path.Combine(_dir, "acme.environment.json");
        File.WriteAllText(file, content);
        Support.Configuration.EnvironmentName.Of(file, _ => null).Should().Be(expected);
    }

    [Test]
    public void A_run_that_selected_nothing_exits_4() => Finish().Should().Be(ExitCodes.NothingSelected);

    [Test]
    public void Warnings_and_not_applicable_do_not_fail_the_gate()
    {
        var log = new ScenarioLog(_dir);
        log.Append(Scenario("w", Verdicts.Warning, "SH-01"));
        log.Append(Scenario("n", Verdicts.NotApplicable, "CC-01"));
        log.Append(Scenario("s", Verdicts.Skipped, "RT-03"));
        Finish().Should().Be(ExitCodes.Passed);
    }
}
