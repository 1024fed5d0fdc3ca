using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Unit.Reporting;

public sealed class RunComparisonTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateReportFolder() => _dir = Directory.CreateTempSubdirectory("rator-compare-").FullName;

    [TearDown]
    public void DeleteReportFolder() => Directory.Delete(_dir, recursive: true);

    private static ScenarioResult Scenario(string name, string verdict, params string[] tags) => SampleResults.Scenario(name, verdict, tags);

    private static RunSummary Baseline(string environment, params ScenarioResult[] results) =>
        RunSummary.From(environment, 0, null, results) with { StartedAt = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), Commit = "abc1234" };

    [Test]
    public void Each_change_is_named_with_its_requirement_ids()
    {
        var baseline = Baseline("staging",
            Scenario("stays green", Verdicts.Passed, "BK-06"),
            Scenario("breaks", Verdicts.Passed, "BK-07"),
            Scenario("starts warning", Verdicts.Passed, "SH-01"),
            Scenario("gets fixed", Verdicts.Failed, "RS-05"),
            Scenario("keeps failing", Verdicts.Error, "RT-01"),
            Scenario("was removed", Verdicts.Passed, "PW-01"));

        var comparison = RunComparison.Compare("baseline/summary.json", baseline, "staging",
        [
            Scenario("stays green", Verdicts.Passed, "BK-06"),
            Scenario("breaks", Verdicts.Failed, "BK-07"),
            Scenario("starts warning", Verdicts.Warning, "SH-01"),
            Scenario("gets fixed", Verdicts.Passed, "RS-05"),
            Scenario("keeps failing", Verdicts.Failed, "RT-01"),
            Scenario("is new", Verdicts.Passed, "PW-03"),
        ]);

        comparison.Compared.Should().BeTrue();
        comparison.NewlyFailing.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new RunComparison.Change("Brand key", "Brand key — breaks", ["BK-07"], Verdicts.Passed, Verdicts.Failed));
        comparison.NewlyWarning.Select(c => c.Requirements[0]).Should().Equal("SH-01");
        comparison.Fixed.Select(c => c.Requirements[0]).Should().Equal("RS-05");
        comparison.StillFailing.Select(c => c.Requirements[0]).Should().Equal("RT-01");
        comparison.Appeared.Select(c => c.Requirements[0]).Should().Equal("PW-03");
        comparison.Vanished.Select(c => c.Requirements[0]).Should().Equal("PW-01");
        comparison.Headline().Should().Be("Since the run of 2026-12-01 02:00 UTC (staging, commit abc1234): 1 newly failing, 1 newly warning, 1 fixed, 1 still failing, 1 appeared, 1 vanished.");
    }

    [Test]
    public void A_baseline_of_another_environment_is_refused_not_compared()
    {
        var comparison = RunComparison.Compare("old/summary.json", Baseline("local", Scenario("a", Verdicts.Failed, "BK-06")), "staging",
            [Scenario("a", Verdicts.Passed, "BK-06")]);

        comparison.Compared.Should().BeFalse();
        comparison.Fixed.Should().BeEmpty();
        comparison.Headline().Should().Contain("'local'").And.Contain("'staging'").And.Contain("not compared");
    }

    [Test]
    public void The_finisher_compares_with_the_kept_previous_run_and_every_report_shows_it()
    {
        ReportJson.Write(Path.Combine(_dir, ReportFiles.Baseline), Baseline("local", Scenario("other brand", Verdicts.Passed, "BK-06")));
        ReportJson.Write(RunStatus.PathIn(_dir), new RunStatus { Outcome = RunOutcome.Completed, Environment = "local" });
        new ScenarioLog(_dir).Append(Scenario("other brand", Verdicts.Failed, "BK-06"));
        var console = new StringWriter();

        new RunFinisher(RequirementCatalogue.Default, console).Finish(new RunFinisher.Inputs(_dir, "local", null, []));

        var printed = console.ToString();
        // After the run's reason, the comparison comes first.
        var lines = printed.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("Result: exit code 1 (contract failures).");
        lines[1].Should().StartWith("Since the run of 2026-12-01 02:00 UTC (local, commit abc1234): 1 newly failing");
        printed.Should().Contain("newly failing: [BK-06] Brand key — other brand (passed → failed)");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, ReportFiles.Summary)));
        summary.RootElement.GetProperty("comparison").GetProperty("newlyFailing")[0].GetProperty("requirements")[0].GetString().Should().Be("BK-06");
        File.ReadAllText(Path.Combine(_dir, ReportFiles.ComplianceHtml)).Should().Contain("Newly failing (1)").And.Contain("href=\"#BK-06\"");
        File.ReadAllText(Path.Combine(_dir, ReportFiles.ComplianceMarkdown)).Should().Contain("- [BK-06] Brand key — other brand (passed → failed)");
        using var compliance = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, ReportFiles.ComplianceJson)));
        compliance.RootElement.GetProperty("comparison").GetProperty("newlyFailing").GetArrayLength().Should().Be(1);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, ReportFiles.Manifest)));
        manifest.RootElement.GetProperty("comparison").GetProperty("baselineCommit").GetString().Should().Be("abc1234");
    }

    [Test]
    public void A_named_baseline_that_does_not_exist_is_reported_in_one_line()
    {
        ReportJson.Write(RunStatus.PathIn(_dir), new RunStatus { Outcome = RunOutcome.Completed, Environment = "local" });
        new ScenarioLog(_dir).Append(Scenario("a", Verdicts.Passed, "BK-06"));
        var console = new StringWriter();

        var code = new RunFinisher(RequirementCatalogue.Default, console)
            .Finish(new RunFinisher.Inputs(_dir, "local", null, [], Baseline: Path.Combine(_dir, "nowhere")));

        code.Should().Be(ExitCodes.Passed);
        console.ToString().Should().Contain("No baseline at").And.Contain("not compared");
    }

    [Test]
    public void A_first_run_has_no_comparison()
    {
        ReportJson.Write(RunStatus.PathIn(_dir), new RunStatus { Outcome = RunOutcome.Completed, Environment = "local" });
        new ScenarioLog(_dir).Append(Scenario("a", Verdicts.Passed, "BK-06"));

        new RunFinisher(RequirementCatalogue.Default, TextWriter.Null).Finish(new RunFinisher.Inputs(_dir, "local", null, []));

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, ReportFiles.Summary)));
        summary.RootElement.GetProperty("comparison").ValueKind.Should().Be(JsonValueKind.Null);
    }
}
