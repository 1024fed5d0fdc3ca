using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Unit.Reporting;

/// <summary>
/// A requirement's verdict comes from the scenarios that ran; those that did not apply or could not run never decide
/// it beside one that ran, and every row says how many ran and why the others did not.
/// </summary>
public sealed class RequirementVerdictTests
{
    private const string Revokes = "the environment declares that a renewal revokes the previous access token (tokenEndpoint.accessTokenRevokedOnRefresh)";
    private const string NoSecondClient = "the environment declares no second client (clients.second)";

    private static ScenarioResult Scenario(string name, string verdict, string? message = null) =>
        SampleResults.Scenario(name, verdict, "RT-01") with
        {
            Message = message ?? verdict switch
            {
                Verdicts.NotApplicable => "Not applicable: " + Revokes,
                Verdicts.Skipped => "Skipped: " + NoSecondClient,
                Verdicts.Passed => null,
                _ => "Expected status 401, but the deployment answered 200 OK.",
            },
        };

    private static ComplianceMatrix.Row Row(params ScenarioResult[] results) =>
        ComplianceMatrix.Build(RequirementCatalogue.Default, results).Rows.Single(r => r.Requirement.Id == "RT-01");

    // Every mix of what ran and what did not: the verdict, and the row's "N of M ran; …".
    [TestCase(new[] { Verdicts.Passed, Verdicts.Passed, Verdicts.Passed, Verdicts.NotApplicable }, ComplianceMatrix.Pass, "3 of 4 ran; not applicable: " + Revokes)]
    [TestCase(new[] { Verdicts.Passed, Verdicts.Skipped }, ComplianceMatrix.Pass, "1 of 2 ran; skipped: " + NoSecondClient)]
    [TestCase(new[] { Verdicts.Warning, Verdicts.NotApplicable }, ComplianceMatrix.Warning, "1 of 2 ran; not applicable: " + Revokes)]
    [TestCase(new[] { Verdicts.Passed, Verdicts.Warning, Verdicts.Skipped }, ComplianceMatrix.Warning, "2 of 3 ran; skipped: " + NoSecondClient)]
    [TestCase(new[] { Verdicts.Failed, Verdicts.NotApplicable }, ComplianceMatrix.Fail, "1 of 2 ran; not applicable: " + Revokes)]
    [TestCase(new[] { Verdicts.Passed, Verdicts.Failed, Verdicts.Warning, Verdicts.Skipped }, ComplianceMatrix.Fail, "3 of 4 ran; skipped: " + NoSecondClient)]
    [TestCase(new[] { Verdicts.Error, Verdicts.Passed, Verdicts.NotApplicable }, ComplianceMatrix.Error, "2 of 3 ran; not applicable: " + Revokes)]
    [TestCase(new[] { Verdicts.Error, Verdicts.Failed }, ComplianceMatrix.Fail, "2 of 2 ran")]
    [TestCase(new[] { Verdicts.Error, Verdicts.Warning }, ComplianceMatrix.Error, "2 of 2 ran")]
    [TestCase(new[] { Verdicts.Passed, Verdicts.Passed }, ComplianceMatrix.Pass, "2 of 2 ran")]
    [TestCase(new[] { Verdicts.NotApplicable, Verdicts.NotApplicable }, ComplianceMatrix.NotApplicable, "0 of 2 ran; not applicable (2 scenarios): " + Revokes)]
    [TestCase(new[] { Verdicts.Skipped, Verdicts.Skipped }, ComplianceMatrix.Skipped, "0 of 2 ran; skipped (2 scenarios): " + NoSecondClient)]
    [TestCase(new[] { Verdicts.Skipped, Verdicts.NotApplicable }, ComplianceMatrix.Skipped, "0 of 2 ran; not applicable: " + Revokes + "; skipped: " + NoSecondClient)]
    public void The_verdict_is_the_worst_of_the_scenarios_that_ran(string[] verdicts, string expected, string coverage)
    {
        var row = Row(verdicts.Select((v, i) => Scenario($"scenario {i}", v)).ToArray());

        row.Verdict.Should().Be(expected);
        row.Coverage.Should().Be(coverage);
        row.Ran.Should().Be(verdicts.Count(v => v is not (Verdicts.NotApplicable or Verdicts.Skipped)));
        row.ProvenInPart.Should().Be(row.Ran > 0 && row.Ran < verdicts.Length);
    }

    [Test]
    public void A_known_issue_still_present_warns_and_one_that_appears_fixed_passes_beside_a_scenario_that_did_not_apply()
    {
        var knownIssue = Row(Scenario("still broken", Verdicts.Warning, "Known issue still present (RT-01 JIRA-42): Breaks RT-01.\nExpected status 401, but the deployment answered 200 OK."),
            Scenario("keeps it", Verdicts.NotApplicable));
        var appearsFixed = Row(Scenario("fixed now", Verdicts.Passed, "Known issue appears fixed: RT-01 JIRA-42"), Scenario("keeps it", Verdicts.NotApplicable));

        knownIssue.Verdict.Should().Be(ComplianceMatrix.Warning);
        appearsFixed.Verdict.Should().Be(ComplianceMatrix.Pass);
        appearsFixed.Coverage.Should().Be("1 of 2 ran; not applicable: " + Revokes);
    }

    [Test]
    public void Two_reasons_are_both_given_not_applicable_first_each_with_its_count()
    {
        var row = Row(Scenario("a", Verdicts.Passed), Scenario("b", Verdicts.Skipped), Scenario("c", Verdicts.NotApplicable),
            Scenario("d", Verdicts.Skipped), Scenario("e", Verdicts.NotApplicable, "Not applicable: client credentials is not offered"));

        row.NotRunReasons.Select(r => r.Describe()).Should().Equal(
            "not applicable: " + Revokes, "not applicable: client credentials is not offered", "skipped (2 scenarios): " + NoSecondClient);
    }

    [Test]
    public void Every_report_of_the_matrix_says_how_many_ran_and_why_the_others_did_not()
    {
        var matrix = ComplianceMatrix.Build(RequirementCatalogue.Default,
            [Scenario("renews", Verdicts.Passed), Scenario("old token works", Verdicts.NotApplicable), Scenario("after a 401", Verdicts.Passed)]);

        var markdown = ComplianceReportWriter.Markdown(matrix, "acme");
        markdown.Should().Contain("**Proven in part** (1)").And.Contain("- RT-01 Refresh works as documented: **PASS**, 2 of 3 ran; not applicable: " + Revokes);
        markdown.Should().Contain("| **PASS** | 2 of 3<br>not applicable: " + Revokes + " |");

        var html = ComplianceReportWriter.Html(matrix, "acme");
        html.Should().Contain("<span class=\"ran\">2 of 3</span><div class=\"why\">not applicable: " + Revokes + "</div>");
        html.Should().Contain("<section id=\"proven-in-part\"");

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(ComplianceReportWriter.Json(matrix, "acme"), ReportJson.Indented));
        var row = json.RootElement.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "RT-01");
        row.GetProperty("verdict").GetString().Should().Be("PASS");
        row.GetProperty("ran").GetInt32().Should().Be(2);
        row.GetProperty("scenarioCount").GetInt32().Should().Be(3);
        row.GetProperty("coverage").GetString().Should().Be("2 of 3 ran; not applicable: " + Revokes);
        row.GetProperty("notRun")[0].GetProperty("reason").GetString().Should().Be(Revokes);

        matrix.TotalsLine().Should().StartWith("PASS 1 (1 of them in part)");
    }
}
