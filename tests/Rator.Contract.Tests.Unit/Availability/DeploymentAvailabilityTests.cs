using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Availability;

namespace Rator.Contract.Tests.Unit.Availability;

/// <summary>The run's one view of the deployment's availability, on a clock the test moves: no test here waits.</summary>
public sealed class DeploymentAvailabilityTests
{
    private static readonly AvailabilityCheck Up = new(true, "200 OK, bearer token", null);
    private static readonly AvailabilityCheck Down = new(false, "503 Service Unavailable", null);

    private readonly List<string> announced = [];

    [SetUp]
    public void HearNothingYet() => announced.Clear();

    /// <summary>A clock that moves only when the monitor waits, and a deployment that answers as scripted (the last answer repeats).</summary>
    private sealed class Script(List<string> announced, params AvailabilityCheck[] answers)
    {
        private readonly Queue<AvailabilityCheck> queue = new(answers);
        public DateTimeOffset Now { get; private set; } = new(2026, 12, 7, 2, 13, 5, TimeSpan.Zero);
        public List<TimeSpan> Waits { get; } = [];
        public int Checks { get; private set; }

        public DeploymentAvailability Monitor(int waitSeconds) => new(_ =>
            {
                Checks++;
                return Task.FromResult(queue.Count > 1 ? queue.Dequeue() : queue.Peek());
            },
            TimeSpan.FromSeconds(waitSeconds), () => Now, wait =>
            {
                Waits.Add(wait);
                Now += wait;
                return Task.CompletedTask;
            }, announced.Add);

        public void Pass(TimeSpan time) => Now += time;
    }

    [Test]
    public async Task A_deployment_that_issues_the_first_token_at_once_is_available_and_no_outage_is_recorded()
    {
        var script = new Script(announced, Up);
        var monitor = script.Monitor(60);

        var verdict = await monitor.CheckAsync(script.Now);

        verdict.State.Should().Be(AvailabilityState.Available);
        monitor.Outages.Should().BeEmpty();
        announced.Should().BeEmpty();
    }

    [Test]
    public async Task An_outage_shorter_than_the_wait_is_waited_out_with_growing_pauses_and_announced()
    {
        var script = new Script(announced, Down, Down, Down, Down, Up);
        var monitor = script.Monitor(60);

        var verdict = await monitor.CheckAsync(script.Now);

        verdict.State.Should().Be(AvailabilityState.Recovered);
        script.Waits.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));
        var outage = monitor.Outages.Should().ContainSingle().Subject;
        outage.Duration.Should().Be(TimeSpan.FromSeconds(12));
        outage.Recovered.Should().BeTrue();
        outage.Describe().Should().Be("at 02:13:05 UTC for 12 s (first token: 503 Service Unavailable)");
        announced.Should().HaveCount(2);
        announced[0].Should().Be("The deployment became unavailable at 02:13:05 UTC (first token: 503 Service Unavailable): the scenarios it touched "
                                 + "wait up to 60 s for it (target.unavailableWaitSeconds), then run again.");
        announced[1].Should().StartWith("The deployment answers again, 12.0 s after it became unavailable");
    }

    [Test]
    public async Task An_answer_given_during_an_outage_that_has_ended_since_is_explained_by_it()
    {
        var script = new Script(announced, Down, Up);
        var monitor = script.Monitor(60);
        var answeredAt = script.Now;
        await monitor.CheckAsync(answeredAt);
        script.Pass(TimeSpan.FromSeconds(3));

        (await monitor.CheckAsync(answeredAt)).State.Should().Be(AvailabilityState.Recovered, "the outage ended after that answer came");
        (await monitor.CheckAsync(script.Now)).State.Should().Be(AvailabilityState.Available, "this answer came after the outage");
    }

    [Test]
    public async Task Retry_After_sets_the_pause_and_the_wait_ends_at_its_bound()
    {
        var script = new Script(announced, Down with { RetryAfter = TimeSpan.FromSeconds(4) });
        var monitor = script.Monitor(10);

        var verdict = await monitor.CheckAsync(script.Now);

        verdict.State.Should().Be(AvailabilityState.Unavailable);
        script.Waits.Should().Equal(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(2));
        verdict.Outage!.Describe().Should().Be("at 02:13:05 UTC, and still unavailable 10 s later, when the run stopped waiting "
                                               + "(target.unavailableWaitSeconds: 10; first token: 503 Service Unavailable)");
        announced.Last().Should().Contain("not judged (ERROR, not a contract failure)");
    }

    [Test]
    public async Task After_an_outage_outlasted_the_wait_the_run_waits_no_more_but_sees_the_deployment_come_back()
    {
        var script = new Script(announced, Down, Down, Down, Down, Up);
        var monitor = script.Monitor(3);
        (await monitor.CheckAsync(script.Now)).State.Should().Be(AvailabilityState.Unavailable);
        var waits = script.Waits.Count;

        (await monitor.CheckAsync(script.Now)).State.Should().Be(AvailabilityState.Unavailable);
        script.Waits.Should().HaveCount(waits, "a deployment gone for good must not make every later scenario wait again");
        monitor.Outages.Should().ContainSingle();

        (await monitor.CheckAsync(script.Now)).State.Should().Be(AvailabilityState.Available);
    }

    [Test]
    public async Task No_wait_at_all_when_the_environment_allows_none()
    {
        var script = new Script(announced, Down);
        var verdict = await script.Monitor(0).CheckAsync(script.Now);

        verdict.State.Should().Be(AvailabilityState.Unavailable);
        script.Waits.Should().BeEmpty();
    }

    [Test]
    public async Task Scenarios_that_ask_at_once_share_one_check_and_one_wait()
    {
        var release = new TaskCompletionSource<AvailabilityCheck>();
        var checks = 0;
        var monitor = new DeploymentAvailability(_ =>
        {
            Interlocked.Increment(ref checks);
            return release.Task;
        }, TimeSpan.FromSeconds(60));

        var first = monitor.CheckAsync(DateTimeOffset.UtcNow);
        var second = monitor.CheckAsync(DateTimeOffset.UtcNow);
        var gate = monitor.WhenNotWaitingAsync();
        gate.IsCompleted.Should().BeFalse("a scenario does not start while the check is under way");
        release.SetResult(Up);

        (await first).State.Should().Be(AvailabilityState.Available);
        (await second).State.Should().Be(AvailabilityState.Available);
        await gate;
        checks.Should().Be(1);
    }

    [Test]
    public async Task Scenarios_run_again_and_not_judged_are_counted_per_outage()
    {
        var script = new Script(announced, Down, Up);
        var monitor = script.Monitor(60);
        var outage = (await monitor.CheckAsync(script.Now)).Outage!;

        monitor.NoteRunAgain(outage);
        monitor.NoteRunAgain(outage);
        monitor.NoteNotJudged(outage, "Features.X.a scenario");

        monitor.Outages.Single().Should().Match<Support.Reporting.DeploymentOutage>(o => o.ScenariosRunAgain == 2 && o.ScenariosNotJudged == 1);
        monitor.WasNotJudged("Features.X.a scenario").Should().BeTrue();
        monitor.WasNotJudged("Features.X.another").Should().BeFalse();
    }
}
