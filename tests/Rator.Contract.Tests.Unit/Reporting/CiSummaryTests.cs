using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Unit.Reporting;

public sealed class CiSummaryTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("rator-ci-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private static readonly ScenarioResult[] Results =
    [
        SampleResults.Scenario("own brand", Verdicts.Passed, "BK-06"),
        SampleResults.Scenario("other brand", Verdicts.Failed, "BK-07"),
        SampleResults.Scenario("password grant", Verdicts.Warning, "PW-02"),
    ];

    private static readonly ComplianceMatrix Matrix = ComplianceMatrix.Build(RequirementCatalogue.Default, Results);

    [Test]
    public void The_markdown_has_counts_failures_with_requirement_ids_and_the_report_names()
    {
        File.WriteAllText(Path.Combine(_dir, ReportFiles.ComplianceHtml), "");

        var md = CiSummary.Markdown("staging", 1, "1 contract failure (BK-07).", Results, Matrix, null, [], _dir);

        md.Should().StartWith("## Rator contract tests: staging, exit code 1 (contract failures)\n\n1 contract failure (BK-07).\n");
        md.Should().Contain("| failed | 1 |").And.Contain("| warning | 1 |").And.Contain("| **total** | **3** |");
        md.Should().Contain("Requirements: PASS 1, FAIL 1, WARNING 1, NOT\\_COVERED 67.");
        md.Should().Contain("### Failures (1)").And.Contain("- **[BK-07 Principal only for own brand]** Brand key — other brand")
            .And.Contain("  - what happened: Expected status 403, got 200");
        md.Should().Contain("### Warnings (1)").And.Contain("- **[PW-02 ROPC offered at all]** Brand key — password grant");
        md.Should().Contain("Reports in the artifact: `compliance.html`.");
    }

    [Test]
    public void GitHub_gets_it_appended_and_Azure_as_an_uploaded_summary_file()
    {
        var stepSummary = Path.Combine(_dir, "step-summary.md");
        File.WriteAllText(stepSummary, "earlier step\n");
        var console = new StringWriter();
        var variables = new Dictionary<string, string> { [CiSummary.GitHubVariable] = stepSummary };

        CiSummary.Publish("## run\n", _dir, console, variables.GetValueOrDefault);

        File.ReadAllText(stepSummary).Should().Be("earlier step\n## run\n");
        console.ToString().Should().BeEmpty();

        var temp = Directory.CreateDirectory(Path.Combine(_dir, "agent-temp")).FullName;
        CiSummary.Publish("## run\n", _dir, console, new Dictionary<string, string> { [CiSummary.AzureVariable] = "True", [CiSummary.AzureTempVariable] = temp }.GetValueOrDefault);

        var written = Path.Combine(temp, ReportFiles.CiSummary);
        console.ToString().Trim().Should().Be($"##vso[task.uploadsummary]{written}");
        File.ReadAllText(written).Should().Be("## run\n");
    }

    [Test]
    public void A_run_stopped_by_its_preflight_gives_its_reason_and_nothing_else()
    {
        var md = CiSummary.Markdown("staging", 3, "The target https://staging.example/rator/oauth/token could not be reached: connection refused", [], Matrix, null, [], _dir, stopped: true);

        md.Should().Be("## Rator contract tests: staging, exit code 3 (target unreachable, no first token, or unavailable during the run)\n\n"
                       + "The run stopped before any scenario: The target https://staging.example/rator/oauth/token could not be reached: connection refused\n\n");
    }

    [Test]
    public void A_run_that_leaked_a_secret_says_so_and_names_no_report_to_open()
    {
        var md = CiSummary.Markdown("staging", 5, "A secret value was found.", Results, Matrix, null,
            [new ArtifactSecretScan.Finding("junit.xml", "secret $.clients.primary.secret")], _dir);

        md.Should().Contain("only summary.json is published").And.Contain("`junit.xml`").And.NotContain("Reports in the artifact");
    }
}
