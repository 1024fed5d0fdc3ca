using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Unit.Reporting;

public sealed class ConsoleSummaryTests
{
    private const string Expectation =
        "Expected no token to be issued for the password grant for customer alice.b1 of BRAND1 " +
        "(brand BRAND1; primary client rator-web by Basic; parameters in the query)";

    private const string IssuedToken =
        "the deployment answered 200 OK, bearer token: access token «token:0ff16388», refresh token «token:10a65587», expires in 1800 s, 1 ms; " +
        "body: {\"access_token\":\"«token:0ff16388»\",\"token_type\":\"bearer\",\"refresh_token\":\"«token:10a65587»\",\"expires_in\":1800,\"scope\":\"read write\"}";

    [Test]
    public void A_warning_names_the_requirement_the_scenario_what_was_expected_and_what_came_back_in_full_words()
    {
        var lines = Print(Result(Verdicts.Warning, "Breaks PW-07 No user creds in URL query (best-practice, RFC 6749 §4.3.2).\n" + Expectation + ", but " + IssuedToken + "."));

        var at = lines.IndexOf("  [PW-07 No user creds in URL query] Brand key — query credentials");
        at.Should().BePositive(string.Join("\n", lines));
        lines[at + 1].Should().Be("      expected:      no token to be issued for the password grant for customer alice.b1 of BRAND1 " +
                                  "(brand BRAND1; primary client rator-web by Basic; parameters in the query)");
        lines[at + 2].Should().StartWith("      came back:     the deployment answered 200 OK, bearer token: access token «token:0ff16388», refresh token «token:10a65587», expires in 1800 s, 1 ms; body: {");
        lines[at + 2].Should().NotContain("pas…").And.NotContain(" ex…");
    }

    [Test]
    public void A_because_phrase_with_a_but_of_its_own_stays_with_the_expectation()
    {
        var lines = Print(Result(Verdicts.Warning,
            "Expected the refusals to be alike because nothing may tell accounts apart, but they were timed apart, but found 3: {\"a\", \"b\"}."));

        lines.Should().Contain("      expected:      the refusals to be alike because nothing may tell accounts apart, but they were timed apart")
            .And.Contain("      came back:     found 3: {\"a\", \"b\"}");
    }

    [Test]
    public void A_long_body_is_shortened_at_a_field_boundary_never_inside_a_word()
    {
        var body = string.Join(",", Enumerable.Range(1, 40).Select(i => $"\"field{i}\":\"value number {i}\""));
        var lines = Print(Result(Verdicts.Failed, $"Expected status 200, but the deployment answered 500 Internal Server Error, 3 ms; body: {{{body}}}."));

        var answer = lines.Single(l => l.TrimStart().StartsWith("came back:", StringComparison.Ordinal));
        answer.Length.Should().BeLessThan(FindingText.AnswerWidth + 30);
        answer.Should().MatchRegex("\"value number \\d+\", …$", "the cut falls after a whole field");
    }

    [Test]
    public void A_message_that_is_no_expectation_is_said_whole_and_failures_say_where_they_happened()
    {
        var lines = Print(Result(Verdicts.Error, "Step failed: Given a customer\nSetup could not get a token for customer alice.b1 of BRAND1: no response: the connection to 127.0.0.1:5999 was refused") with
        {
            Steps = [new StepResult("Given ", "a customer", "failed", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "no response")],
        });

        lines.Should().Contain("      what happened: Setup could not get a token for customer alice.b1 of BRAND1: no response: the connection to 127.0.0.1:5999 was refused");
        lines.Should().Contain("      at step:       Given a customer").And.Contain(l => l.StartsWith("      last exchange:", StringComparison.Ordinal));
    }

    [Test]
    public void Known_issues_wording_deviations_and_further_expectations_are_noted()
    {
        var lines = Print(Result(Verdicts.Warning,
            "Known issue still present (PW-07 JIRA-42): Breaks PW-07 No user creds in URL query.\nExpected status 400, but the deployment answered 200 OK.\n" +
            "Expected no token, but a token was issued.\nOnly the wording differs from PW-07: RFC 6749 §5.2 The promise itself is the verdict of the rule's other scenarios."));

        lines.Should().Contain("      expected:      status 400").And.Contain("      came back:     the deployment answered 200 OK");
        lines.Should().Contain("      note:          known issue: PW-07 JIRA-42");
        lines.Should().Contain("      note:          only the wording differs from the clause; the rule's other scenarios judge its promise");
        lines.Should().Contain("      note:          1 more expectation not met (in the reports)");
    }

    [Test]
    public void The_reason_comes_first_and_the_requirements_proven_in_part_are_listed()
    {
        var output = new StringWriter();
        ScenarioResult[] results =
        [
            SampleResults.Scenario("renews", Verdicts.Passed, "RT-01") with { Message = null },
            SampleResults.Scenario("keeps the old token", Verdicts.NotApplicable, "RT-01") with { Message = "Not applicable: the environment declares that a renewal revokes the previous access token" },
        ];
        new ConsoleSummary(output).Print(null, results, ComplianceMatrix.Build(RequirementCatalogue.Default, results), [], 0,
            "Every gating scenario passed: 1 passed, 1 not applicable.", "reports");
        var lines = output.ToString().Split(Environment.NewLine).Where(l => l.Length > 0).ToList();

        lines[0].Should().Be("Result: exit code 0 (every gating scenario passed). Every gating scenario passed: 1 passed, 1 not applicable.");
        lines.Should().Contain(l => l.StartsWith("Requirements: PASS 1 (1 of them in part), NOT_COVERED", StringComparison.Ordinal));
        lines.Should().Contain("  RT-01 Refresh works as documented: PASS, 1 of 2 ran; not applicable: the environment declares that a renewal revokes the previous access token");
    }

    [TestCase("short", 10, "short")]
    [TestCase("no token to be issued for the password grant", 30, "no token to be issued for …")]
    [TestCase("access token «token:0ff16388», refresh token «token:10a65587»", 40, "access token «token:0ff16388», …")]
    [TestCase("{\"a\":\"one two\",\"b\":\"three\",\"c\":\"four\"}", 32, "{\"a\":\"one two\",\"b\":\"three\", …")]
    public void Abbreviation_cuts_at_a_field_or_word_boundary(string text, int width, string expected)
    {
        var shortened = Abbreviation.AtBoundary(text, width);
        shortened.Should().Be(expected);
        shortened.Length.Should().BeLessThanOrEqualTo(Math.Max(width, text.Length <= width ? text.Length : width));
    }

    private static ScenarioResult Result(string verdict, string message) =>
        SampleResults.Scenario("query credentials", verdict, "PW-07") with { Message = message };

    private static List<string> Print(ScenarioResult result)
    {
        var output = new StringWriter();
        new ConsoleSummary(output).Print(null, [result], ComplianceMatrix.Build(RequirementCatalogue.Default, [result]), [],
            result.Verdict == Verdicts.Warning ? 0 : 1, "reason", "reports");
        return output.ToString().Split(Environment.NewLine).ToList();
    }
}
