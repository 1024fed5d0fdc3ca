using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.EndToEnd.Support;

namespace Rator.Contract.Tests.EndToEnd;

/// <summary>
/// Hostile targets: a fake deployment that misbehaves, first at the token endpoint (the preflight's first
/// token fails: exit 3 at once, one message) and then only at the resources (the preflight passes, the scenario
/// fails readably: exit 1). Whatever the target does, the run ends in bounded time with a documented exit code, one
/// readable message, no stack trace, and evidence that names what happened.
/// </summary>
public sealed class HostileTargetTests : EndToEndTest
{
    private const int RequestTimeoutSeconds = 2;
    private const string OneScenario = "@PW-01 and @smoke";

    // Six happy-path scenarios read a balance, one each of PW-01, RS-01, DC-06, CC-01, OP-01 and RT-01; OP-01's two
    // refusal scenarios come along and fail too (the fake issues tokens to anyone) without calling a resource.
    private const string BalanceReaders = "@smoke and not @slow and (@PW-01 or @RS-01 or @DC-06 or @CC-01 or @RT-01 or @OP-01)";
    private const string ScenarioName = "Customers sign in with their password — A customer signs in and reads the balance of their billing group";

    public static IEnumerable<Hostility> Hostilities => Enum.GetValues<Hostility>().Where(h => h != Hostility.IssuesTokens);

    // The 503 has its own test at the resources: it is the one misbehaviour that is retried.
    public static IEnumerable<Hostility> HostilitiesNotRetried => Hostilities.Where(h => h != Hostility.ServiceUnavailable);

    /// <summary>
    /// What the user must be told for each misbehaviour, in the run's own words — distinct from one another, and short
    /// enough to survive the console summary's one-line cut.
    /// </summary>
    private static Regex WhatHappened(Hostility hostility) => new(hostility switch
    {
        Hostility.NeverAnswers => $@"no answer within {RequestTimeoutSeconds} s",
        Hostility.HtmlErrorPage => @"500 Internal Server Error, HTML page",
        Hostility.InvalidJson => @"200 OK, invalid JSON",
        Hostility.Empty200 => @"200 OK, empty body, \d+ ms",
        Hostility.RedirectsElsewhere => @"302 Found",
        Hostility.ServiceUnavailable => @"503 Service Unavailable",
        Hostility.ClosesMidResponse => @"closed the connection before the res",
        _ => throw new ArgumentOutOfRangeException(nameof(hostility)),
    });

    [TestCaseSource(nameof(Hostilities))]
    public async Task A_target_that_gives_no_first_token_ends_the_run_with_3_and_one_message(Hostility hostility)
    {
        var scratch = NewScratch($"first-token-{hostility}");
        await using var target = new FakeTarget(tokenEndpoint: hostility, resources: hostility);
        var environment = EnvironmentFiles.ForTarget(target.BaseUrl, RequestTimeoutSeconds);

        var run = await Script(scratch, "-Environment", environment.Write(scratch, "hostile.json")).WithTargetSecrets().RunAsync();

        run.ShouldExitWith(3).ShouldShowNoStackTrace().ShouldFinishWithin(TimeSpan.FromSeconds(60));
        var message = run.ShouldShowOneMessage($"The target {target.BaseUrl}/oauth/token");
        message.Should().MatchRegex(WhatHappened(hostility).ToString(), "the message says what the target did");
        run.ShouldShowOneMessage("Exit code 3.");
        run.PreflightDuration().Should().BeLessThan(TimeSpan.FromSeconds(10), "the preflight is bounded whatever the target does");
        using var status = run.ReadJson("run/status.json");
        status.RootElement.GetProperty("message").GetString().Should().Be(message, "the run's own record names what happened");
        using var summary = run.ReadJson("summary.json");
        summary.RootElement.GetProperty("exitCode").GetInt32().Should().Be(3);
        target.ResourceRequests.Should().BeEmpty("no scenario runs without a first token");
    }

    /// <summary>
    /// Every misbehaviour at once, in one run: the resources answer each request with the next misbehaviour in turn, and
    /// the selection's happy-path scenarios each read a balance once (and fail at that call, so each misbehaviour meets
    /// one scenario). One worker keeps the order fixed.
    /// </summary>
    [Test]
    public async Task A_target_that_misbehaves_at_the_resources_fails_each_scenario_readably_with_1()
    {
        var scratch = NewScratch("resources");
        var misbehaviours = HostilitiesNotRetried.ToArray();
        await using var target = new FakeTarget(Hostility.IssuesTokens, misbehaviours);
        var environment = EnvironmentFiles.ForTarget(target.BaseUrl, RequestTimeoutSeconds);
        environment["principals"]!["BRAND1"]!["operator"] = new JsonObject { ["username"] = "op.b1", ["password"] = $"${{{EnvironmentFiles.PasswordVariable}}}" };
        environment["tokenEndpoint"] = new JsonObject { ["clientCredentials"] = new JsonObject { ["offered"] = true, ["operator"] = "op.b1" } };

        var run = await Script(scratch, "-Environment", environment.Write(scratch, "hostile.json"), "-Tags", BalanceReaders, "-Parallel", "1")
            .WithTargetSecrets().RunAsync();

        run.ShouldExitWith(1).ShouldShowNoStackTrace().ShouldFinishWithin(TimeSpan.FromSeconds(90));
        target.ResourceRequests.Should().HaveCount(misbehaviours.Length, "each scenario stops at its first resource call; {0}", run);
        using var summary = run.ReadJson("summary.json");
        var scenarios = summary.RootElement.GetProperty("scenarios").EnumerateArray()
            .Select(s => (Name: s.GetProperty("name").GetString()!, Verdict: s.GetProperty("verdict").GetString(), Message: s.GetProperty("message").GetString() ?? ""))
            .ToList();
        scenarios.Should().OnlyContain(s => s.Verdict == "failed", "no misbehaviour is a balance (and the fake issues tokens to anyone); {0}", run);
        foreach (var hostility in misbehaviours)
            scenarios.Should().ContainSingle(s => WhatHappened(hostility).IsMatch(s.Message), "the failure caused by {0} says so; {1}", hostility, run);
        foreach (var (name, _, _) in scenarios)
            run.ShouldShowOneMessage(name);
        run.ShouldShowOneMessage("Exit code 1.");
    }

    [Test]
    public async Task A_503_with_Retry_After_is_retried_twice_every_attempt_recorded_then_failed_honestly()
    {
        var scratch = NewScratch("retry-503");
        await using var target = new FakeTarget(tokenEndpoint: Hostility.IssuesTokens, resources: Hostility.ServiceUnavailable);
        var environment = EnvironmentFiles.ForTarget(target.BaseUrl, RequestTimeoutSeconds);

        var run = await Script(scratch, "-Environment", environment.Write(scratch, "hostile.json"), "-Tags", OneScenario)
            .WithTargetSecrets().RunAsync();

        run.ShouldExitWith(1).ShouldShowNoStackTrace().ShouldFinishWithin(TimeSpan.FromSeconds(60));
        // The deployment issued a first token at once: the scenario runs once more, where the same answer stands.
        target.ResourceRequests.Should().HaveCount(6, "one call, retried at most twice, in the scenario's two runs");
        run.ShouldShowOneMessage("[PW-01 ", ScenarioName);
        run.ShouldShowOneMessage("came back:", "503 Service Unavailable");
        var scenario = ReadScenario(run);
        scenario.GetProperty("message").GetString().Should().Contain("after 3 attempts", "the failure says it was retried");
        scenario.GetProperty("attempts").GetInt32().Should().Be(2, "a passing fault is told from the deployment's own answer by one more run");
        // The evidence as a reader finds it: the exchanges attached to the scenario's steps in allure-results.
        var attempts = AllureAttachments(run).Where(a => a.Name.Contains("/balance", StringComparison.Ordinal)).ToList();
        attempts.Should().HaveCount(3, "every attempt is recorded; {0}", run);
        attempts.Should().OnlyContain(a => a.Content.Contains("503 Service Unavailable") && a.Content.Contains("Retry-After: 1"));
        attempts[1].Name.Should().Contain("attempt 2");
        attempts[2].Name.Should().Contain("attempt 3");
    }

    private static IEnumerable<(string Name, string Content)> AllureAttachments(ScriptResult run)
    {
        var folder = run.ReportFile("allure-results");
        var result = Directory.EnumerateFiles(folder, "*-result.json").Should().ContainSingle().Subject;
        using var json = JsonDocument.Parse(File.ReadAllText(result));
        return json.RootElement.GetProperty("steps").EnumerateArray()
            .SelectMany(step => step.GetProperty("attachments").EnumerateArray())
            .Select(a => (a.GetProperty("name").GetString()!, File.ReadAllText(Path.Combine(folder, a.GetProperty("source").GetString()!))))
            .ToList();
    }

    private static JsonElement ReadScenario(ScriptResult run)
    {
        using var summary = run.ReadJson("summary.json");
        summary.RootElement.GetProperty("exitCode").GetInt32().Should().Be(1);
        var scenarios = summary.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        scenarios.Should().ContainSingle("the selection is one scenario; {0}", run);
        var name = scenarios[0].GetProperty("name").GetString();
        var line = File.ReadLines(run.ReportFile("run/scenarios.ndjson")).Single();
        var raw = JsonDocument.Parse(line).RootElement.Clone();
        raw.GetProperty("testName").GetString().Should().Be(name);
        return raw;
    }
}
