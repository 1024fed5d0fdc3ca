using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.EndToEnd.Support;

namespace Rator.Contract.Tests.EndToEnd;

/// <summary>
/// An outage is not a broken contract. The whole suite runs against a standalone sandbox through a loopback proxy
/// (FaultyProxy) that answers every request "503 Service Unavailable" for a while mid-run, or fails one request in ten
/// at random. A window shorter than the run's wait (target.unavailableWaitSeconds) is waited out and the scenarios it
/// touched run again: exit 0. A longer one leaves them not judged: ERROR, exit 3, saying when and for how long. Never
/// a FAIL.
/// </summary>
public sealed class OutageTests : EndToEndTest
{
    // About a third into a run of ~330 requests: the window falls mid-run whatever the machine's speed.
    private const int WindowOpensAtRequest = 110;

    [Test]
    public async Task A_short_outage_mid_run_is_waited_out_and_the_scenarios_it_touched_run_again_exit_0()
    {
        var (run, proxy) = await RunThroughProxyAsync("outage-short", waitSeconds: 30,
            upstream => new FaultyProxy(upstream, WindowOpensAtRequest, TimeSpan.FromSeconds(4)));

        run.ShouldExitWith(0).ShouldShowNoStackTrace();
        proxy.WindowOpened.Should().NotBeNull("the window opened mid-run; {0}", run);
        var scenarios = Scenarios(run);
        scenarios.Should().NotContain(s => s.Verdict == "failed" || s.Verdict == "error", "{0}", run);
        scenarios.Should().Contain(s => s.Attempts > 1, "the scenarios the outage touched ran again; {0}", run);
        using var summary = run.ReadJson("summary.json");
        var outage = summary.RootElement.GetProperty("outages").EnumerateArray().Should().ContainSingle().Subject;
        outage.GetProperty("end").ValueKind.Should().NotBe(JsonValueKind.Null, "the deployment came back");
        outage.GetProperty("scenariosRunAgain").GetInt32().Should().BePositive();
        summary.RootElement.GetProperty("reason").GetString().Should().StartWith("Every gating scenario passed")
            .And.Contain("The deployment was unavailable at ").And.Contain("ran again");
        run.ShouldShowOneMessage("The deployment became unavailable at", "target.unavailableWaitSeconds");
        run.ShouldShowOneMessage("The deployment answers again");
    }

    [Test]
    public async Task An_outage_longer_than_the_wait_leaves_the_scenarios_it_touched_not_judged_exit_3_never_a_failure()
    {
        var (run, proxy) = await RunThroughProxyAsync("outage-long", waitSeconds: 2,
            upstream => new FaultyProxy(upstream, WindowOpensAtRequest, TimeSpan.FromSeconds(8)));

        run.ShouldExitWith(3).ShouldShowNoStackTrace();
        var scenarios = Scenarios(run);
        scenarios.Should().NotContain(s => s.Verdict == "failed", "an outage is no contract failure; {0}", run);
        var unjudged = scenarios.Where(s => s.Verdict == "error").ToList();
        unjudged.Should().NotBeEmpty().And.OnlyContain(s => s.DeploymentUnavailable && s.Message.Contains("Not judged: the deployment was unavailable"),
            "every error is an outage's; {0}", run);
        using var summary = run.ReadJson("summary.json");
        summary.RootElement.GetProperty("exitCode").GetInt32().Should().Be(3);
        summary.RootElement.GetProperty("reason").GetString().Should().StartWith("The deployment became unavailable during the run: at ")
            .And.Contain("still unavailable").And.Contain("could not be judged (ERROR)");
        run.ConsoleLines.Should().Contain(l => l.StartsWith("Result: exit code 3", StringComparison.Ordinal) && l.Contains("The deployment became unavailable during the run"));
        run.ShouldShowOneMessage("Exit code 3.");
    }

    [Test]
    public async Task One_request_in_ten_failing_at_random_still_gives_no_failure()
    {
        var (run, proxy) = await RunThroughProxyAsync("faults", waitSeconds: 30, upstream => new FaultyProxy(upstream, faultRate: 0.10));

        run.ShouldExitWith(0).ShouldShowNoStackTrace();
        proxy.Faults.Should().BeGreaterThanOrEqualTo(proxy.Requests / 10, "one request in ten was faulted; {0}", run);
        Scenarios(run).Should().NotContain(s => s.Verdict == "failed" || s.Verdict == "error", "{0}", run);
        TestContext.Out.WriteLine($"{proxy.Faults} of {proxy.Requests} requests faulted; {Scenarios(run).Count(s => s.Attempts > 1)} scenarios ran again");
    }

    private async Task<(ScriptResult Run, FaultyProxy Proxy)> RunThroughProxyAsync(string purpose, int waitSeconds, Func<Uri, FaultyProxy> proxyFor)
    {
        var scratch = NewScratch(purpose);
        await using var sandbox = await StandaloneSandbox.StartAsync();
        await using var proxy = proxyFor(sandbox.Listening);
        var environment = EnvironmentFiles.Local();
        environment["name"] = $"e2e-{purpose}";
        environment["target"] = new JsonObject { ["baseUrl"] = proxy.BaseUrl, ["unavailableWaitSeconds"] = waitSeconds };
        var file = environment.Write(scratch, $"{purpose}.json");

        var run = await new ScriptRun(scratch.ReportDir) { Limit = TimeSpan.FromSeconds(300) }.With("-Environment", file).RunAsync();
        TestContext.Out.WriteLine($"{purpose}: exit {run.ExitCode} after {run.Elapsed.TotalSeconds:0.0} s; {proxy.Faults} of {proxy.Requests} requests answered by the proxy");
        TestContext.Out.WriteLine(run.Console);
        return (run, proxy);
    }

    private static List<(string Name, string Verdict, int Attempts, bool DeploymentUnavailable, string Message)> Scenarios(ScriptResult run)
    {
        using var summary = run.ReadJson("summary.json");
        return summary.RootElement.GetProperty("scenarios").EnumerateArray().Select(s => (
            s.GetProperty("name").GetString()!,
            s.GetProperty("verdict").GetString()!,
            s.GetProperty("attempts").GetInt32(),
            s.GetProperty("deploymentUnavailable").GetBoolean(),
            s.GetProperty("message").GetString() ?? "")).ToList();
    }
}
