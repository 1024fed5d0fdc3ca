using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Availability;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Unit.Availability;

/// <summary>What a scenario that met an answer an outage gives becomes: run again, not judged, or its verdict as it stands.</summary>
public sealed class OutageRetryPolicyTests
{
    private static readonly AvailabilityCheck Up = new(true, "200 OK, bearer token", null);
    private static readonly AvailabilityCheck Down = new(false, "503 Service Unavailable", null);
    private static readonly ScenarioDisposition Failed = ScenarioDisposition.Fail(new AssertionException("Expected status 401, but the deployment answered 503"));

    private static ScenarioRunInfo Scenario(params string[] tags) => new()
    {
        Id = "id",
        FeatureTitle = "Resources",
        FeatureFile = "Features/Resources/Resources.feature",
        ScenarioTitle = "An expired token is refused",
        TestName = "Resources — An expired token is refused",
        TestFullName = "Rator.Contract.Tests.Features.Resources.An expired token is refused",
        Tags = tags,
        InheritedTags = [],
        Arguments = new Dictionary<string, string>(),
        Steps = [],
        Start = DateTimeOffset.UtcNow,
    };

    private static ExchangeRecorder Recorded(params CapturedExchange[] exchanges)
    {
        var recorder = new ExchangeRecorder(new SecretRedactor());
        foreach (var exchange in exchanges)
            recorder.Record(exchange);
        return recorder;
    }

    private static CapturedExchange Answer(int? status, string? infrastructure, bool retried = false, bool timedOut = false, int? retryAfter = null) => new()
    {
        Purpose = "balance of billing group 201506171857210002",
        Method = "GET",
        Url = "https://staging.example/rator/api/billing-groups/201506171857210002/balance",
        StatusCode = status,
        InfrastructureAnswer = infrastructure,
        Retried = retried,
        TimedOut = timedOut,
        RetryAfter = retryAfter is null ? null : TimeSpan.FromSeconds(retryAfter.Value),
    };

    private static DeploymentAvailability Deployment(params AvailabilityCheck[] answers)
    {
        var queue = new Queue<AvailabilityCheck>(answers);
        var now = DateTimeOffset.UtcNow;
        return new DeploymentAvailability(_ => Task.FromResult(queue.Count > 1 ? queue.Dequeue() : queue.Peek()), TimeSpan.FromSeconds(5),
            () => now, wait => { now += wait; return Task.CompletedTask; }, _ => { });
    }

    [Test]
    public async Task A_scenario_that_heard_only_the_deployment_keeps_its_verdict_and_checks_nothing()
    {
        var checks = 0;
        var deployment = new DeploymentAvailability(_ => { checks++; return Task.FromResult(Up); }, TimeSpan.FromSeconds(5));
        var recorder = Recorded(Answer(503, "503 Service Unavailable", retried: true), Answer(401, null));

        var retry = await new OutageRetryPolicy(deployment, recorder).DecideAsync(Scenario(), Failed, 1);

        retry.Should().Be(ScenarioRetry.Stand(Failed), "a 503 that was retried into an answer did not stand");
        checks.Should().Be(0);
    }

    [Test]
    public async Task A_scenario_that_met_an_outage_the_run_waited_out_runs_again()
    {
        var deployment = Deployment(Down, Up);

        var retry = await new OutageRetryPolicy(deployment, Recorded(Answer(503, "503 Service Unavailable"))).DecideAsync(Scenario(), Failed, 1);

        retry.Should().BeOfType<ScenarioRetry.Again>().Which.Why.Should().StartWith("the deployment was unavailable at ")
            .And.EndWith("when #1 GET https://staging.example/rator/api/billing-groups/201506171857210002/balance → 503 Service Unavailable");
        deployment.Outages.Single().ScenariosRunAgain.Should().Be(1);
    }

    [TestCase(1)]
    [TestCase(OutageRetryPolicy.MostRuns)]
    public async Task A_scenario_the_outage_outlasted_or_that_met_outages_in_every_run_is_not_judged_never_failed(int attempt)
    {
        var deployment = attempt == 1 ? Deployment(Down) : Deployment(Down, Up);
        var scenario = Scenario();

        var retry = await new OutageRetryPolicy(deployment, Recorded(Answer(null, "no response: connection refused by staging.example"))).DecideAsync(scenario, Failed, attempt);

        var error = retry.Should().BeOfType<ScenarioRetry.Final>().Which.Disposition.Should().BeOfType<ScenarioDisposition.Failed>().Which.Error;
        error.Should().BeOfType<DeploymentUnavailableException>().And.BeAssignableTo<ScenarioNotJudgedException>();
        error.Message.Should().StartWith("Not judged: the deployment was unavailable at ").And.Contain("→ no response: connection refused by staging.example");
        deployment.WasNotJudged(scenario.TestFullName).Should().BeTrue();
    }

    [Test]
    public async Task A_passing_fault_while_the_deployment_is_available_runs_the_scenario_again_once_then_the_answer_stands()
    {
        var policy = new OutageRetryPolicy(Deployment(Up), Recorded(Answer(502, "502 Bad Gateway")));

        (await policy.DecideAsync(Scenario(), Failed, 1)).Should().BeOfType<ScenarioRetry.Again>()
            .Which.Why.Should().Contain("502 Bad Gateway while the deployment issued a first token at once");
        (await policy.DecideAsync(Scenario(), Failed, 2)).Should().Be(ScenarioRetry.Stand(Failed), "the same answer twice is the deployment's own");
    }

    [Test]
    public async Task A_timeout_while_the_deployment_is_available_stands_at_once()
    {
        var policy = new OutageRetryPolicy(Deployment(Up), Recorded(Answer(null, "no response: no answer within 2 s", timedOut: true)));

        (await policy.DecideAsync(Scenario(), Failed, 1)).Should().Be(ScenarioRetry.Stand(Failed));
    }

    [Test]
    public async Task A_throttles_503_with_Retry_After_is_the_deployments_answer_in_a_burst_of_the_throttling_rules_only()
    {
        var throttled = Recorded(Answer(503, "503 Service Unavailable, Retry-After 30 s", retryAfter: 30));
        var passed = ScenarioDisposition.Pass();

        (await new OutageRetryPolicy(Deployment(Up), throttled).DecideAsync(Scenario("PW-05", "intrusive"), passed, 1))
            .Should().Be(ScenarioRetry.Stand(passed));
        (await new OutageRetryPolicy(Deployment(Up), throttled).DecideAsync(Scenario("RS-05"), passed, 1))
            .Should().BeOfType<ScenarioRetry.Again>("outside a burst, a 503 with Retry-After is no answer any rule expects");
    }

    [Test]
    public async Task A_scenario_that_did_not_apply_is_left_alone()
    {
        var notApplicable = ScenarioDisposition.NotApplicable("client credentials is not offered");
        (await new OutageRetryPolicy(Deployment(Down), Recorded(Answer(503, "503 Service Unavailable"))).DecideAsync(Scenario(), notApplicable, 1))
            .Should().Be(ScenarioRetry.Stand(notApplicable));
    }
}
