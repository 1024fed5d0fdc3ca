using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Reporting;

namespace Rator.Contract.Tests.Unit.Reporting;

/// <summary>Every exit code carries its reason, in words a person acts on (summary.json "reason", the console's first line, CI).</summary>
public sealed class ExitReasonTests
{
    private static readonly RunStatus Completed = new() { Outcome = RunOutcome.Completed, Environment = "acme" };

    private static ScenarioResult Scenario(string name, string verdict, params string[] tags) => SampleResults.Scenario(name, verdict, tags);

    private static readonly DeploymentOutage ShortOutage = new()
    {
        Start = new DateTimeOffset(2026, 12, 7, 2, 13, 5, TimeSpan.Zero),
        End = new DateTimeOffset(2026, 12, 7, 2, 13, 13, TimeSpan.Zero),
        LastChecked = new DateTimeOffset(2026, 12, 7, 2, 13, 13, TimeSpan.Zero),
        Answer = "503 Service Unavailable, Retry-After 2 s",
        WaitLimitSeconds = 60,
        ScenariosRunAgain = 4,
    };

    [Test]
    public void Exit_0_counts_what_passed_and_names_the_warnings()
    {
        ExitReason.For(0, Completed, [Scenario("a", Verdicts.Passed, "BK-06"), Scenario("b", Verdicts.Warning, "PW-02"), Scenario("c", Verdicts.NotApplicable, "CC-01")], [], null)
            .Should().Be("Every gating scenario passed: 1 passed, 1 warning (PW-02), 1 not applicable.");
    }

    [Test]
    public void Exit_0_after_a_short_outage_says_when_how_long_and_what_ran_again()
    {
        ExitReason.For(0, Completed with { Outages = [ShortOutage] }, [Scenario("a", Verdicts.Passed, "BK-06")], [], null)
            .Should().Be("Every gating scenario passed: 1 passed. The deployment was unavailable at 02:13:05 UTC for 8 s "
                         + "(first token: 503 Service Unavailable, Retry-After 2 s); 4 scenarios affected by it ran again.");
    }

    [Test]
    public void Exit_1_names_the_requirements_that_failed_and_those_in_error()
    {
        ExitReason.For(1, Completed, [Scenario("a", Verdicts.Failed, "DC-07"), Scenario("b", Verdicts.Failed, "RT-01"), Scenario("c", Verdicts.Error, "TE-03")], [], null)
            .Should().Be("2 contract failures (DC-07, RT-01); 1 scenario in error (TE-03).");
    }

    [Test]
    public void Exit_2_and_a_preflight_exit_3_give_the_message_of_the_hook_that_stopped_the_run()
    {
        ExitReason.For(2, new RunStatus { Outcome = RunOutcome.ConfigurationError, Environment = "acme", Message = "The environment 'acme' is not valid: variable X is not set" }, [], [], null)
            .Should().Be("The environment 'acme' is not valid: variable X is not set");
        ExitReason.For(3, new RunStatus { Outcome = RunOutcome.Unreachable, Environment = "acme", Message = "The target https://acme/rator/oauth/token could not be reached: connection refused" }, [], [], null)
            .Should().Be("The target https://acme/rator/oauth/token could not be reached: connection refused");
    }

    [Test]
    public void Exit_3_for_an_outage_during_the_run_says_when_for_how_long_and_what_was_not_judged()
    {
        var outage = ShortOutage with { End = null, LastChecked = ShortOutage.Start.AddSeconds(61), ScenariosRunAgain = 0, ScenariosNotJudged = 2 };
        ExitReason.For(3, Completed with { Outages = [outage] },
                [Scenario("a", Verdicts.Passed, "BK-06"), Scenario("b", Verdicts.Error, "DC-07") with { DeploymentUnavailable = true }], [], null)
            .Should().Be("The deployment became unavailable during the run: at 02:13:05 UTC, and still unavailable 61 s later, when the run stopped waiting "
                         + "(target.unavailableWaitSeconds: 60; first token: 503 Service Unavailable, Retry-After 2 s). 1 scenario could not be judged (ERROR); "
                         + "no contract failure was found in the others.");
    }

    [Test]
    public void Exit_4_names_the_selection_that_matched_nothing() =>
        ExitReason.For(4, null, [], [], "@NO-SUCH").Should().Be("No scenario ran: none matches the selection @NO-SUCH (see -List); nothing was sent.");

    [Test]
    public void Exit_5_names_the_files_not_the_secret_and_still_says_how_the_run_went() =>
        ExitReason.For(5, Completed, [Scenario("a", Verdicts.Failed, "BK-06")], [new ArtifactSecretScan.Finding("junit.xml", "the value of secret 'x'")], null)
            .Should().Be("A secret value or an issued token was found in 1 artifact of this run (junit.xml): the reports must not be published. "
                         + "The run itself: 1 contract failure (BK-06).");

    [Test]
    public void Only_outage_errors_exit_3_and_a_contract_failure_beside_them_exits_1()
    {
        var unjudged = Scenario("b", Verdicts.Error, "DC-07") with { DeploymentUnavailable = true };
        RunFinisher.DecideExitCode(Completed, [Scenario("a", Verdicts.Warning, "PW-02"), unjudged]).Should().Be(ExitCodes.Unreachable);
        RunFinisher.DecideExitCode(Completed, [Scenario("a", Verdicts.Failed, "BK-06"), unjudged]).Should().Be(ExitCodes.ContractFailures);
        RunFinisher.DecideExitCode(Completed, [Scenario("a", Verdicts.Error, "BK-06"), unjudged]).Should().Be(ExitCodes.ContractFailures);
    }
}
