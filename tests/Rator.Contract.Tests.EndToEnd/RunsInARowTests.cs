using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.EndToEnd.Support;

namespace Rator.Contract.Tests.EndToEnd;

/// <summary>
/// A run leaves the deployment as it found it: the whole suite twice in a row against one standalone sandbox (its
/// throttle counts failed sign-ins per username for a minute, as deployments that lock accounts do) gives the same
/// verdicts, and no scenario sends an account more than one failed sign-in unless the environment dedicates the
/// account to bursts. The file is acme-style (twice.environment.json declaring "name": "twice"): both runs, and the
/// second's comparison with the first, know it by its declared name.
/// </summary>
public sealed class RunsInARowTests : EndToEndTest
{
    private const string Name = "twice";

    [Test]
    public async Task Two_runs_in_a_row_give_the_same_verdicts_and_every_ordinary_account_gets_at_most_one_failed_sign_in()
    {
        var scratch = NewScratch("twice");
        await using var sandbox = await StandaloneSandbox.StartAsync();
        var environment = EnvironmentFiles.Local();
        environment["name"] = Name;
        environment["target"] = new JsonObject { ["baseUrl"] = sandbox.Listening.ToString() };
        var file = environment.Write(scratch, $"{Name}.environment.json");

        var first = await new ScriptRun(scratch.File("first")) { Limit = TimeSpan.FromSeconds(240) }.With("-Environment", file).RunAsync();
        var second = await new ScriptRun(scratch.File("second")) { Limit = TimeSpan.FromSeconds(240) }
            .With("-Environment", file, "-Baseline", first.ReportDir).RunAsync();

        first.ShouldExitWith(0).ShouldShowNoStackTrace();
        second.ShouldExitWith(0).ShouldShowNoStackTrace();
        var (before, after) = (Verdicts(first), Verdicts(second));
        after.Keys.Should().BeEquivalentTo(before.Keys, "the same scenarios ran");
        var changed = before.Where(b => after[b.Key].Verdict != b.Value.Verdict)
            .Select(b => $"{b.Key}: {b.Value.Verdict} → {after[b.Key].Verdict}").ToList();
        // A @timing verdict follows the load of the machine too: on a saturated machine a changed one is reported, not failed.
        var timing = before.Where(b => b.Value.Timing && after[b.Key].Verdict != b.Value.Verdict).Select(b => b.Key).ToList();
        if (timing.Count > 0 && MachineLoad.IsSaturated())
        {
            TestContext.Out.WriteLine($"@timing verdicts changed on a saturated machine (load per core {MachineLoad.PerCore():0.0}): {string.Join("; ", timing)}");
            changed.RemoveAll(c => timing.Any(t => c.StartsWith(t, StringComparison.Ordinal)));
        }
        changed.Should().BeEmpty("a run must not change what the next run finds; first {0}\nsecond {1}", first, second);
        before.Values.Should().Contain(v => v.Timing && v.Verdict == "passed", "the timing comparison runs against the standalone sandbox");

        using var summary = second.ReadJson("summary.json");
        summary.RootElement.GetProperty("environment").GetString().Should().Be(Name);
        var comparison = summary.RootElement.GetProperty("comparison");
        comparison.GetProperty("refused").ValueKind.Should().Be(JsonValueKind.Null, "the baseline is a run of '{0}' too", Name);
        comparison.GetProperty("baselineEnvironment").GetString().Should().Be(Name);
        foreach (var list in new[] { "newlyFailing", "newlyWarning", "fixed" })
            comparison.GetProperty(list).GetArrayLength().Should().Be(0, "nothing changed between the runs ({0})", list);
        first.ConsoleLines.Should().Contain(l => l.Contains($"against '{Name}'", StringComparison.Ordinal)).And.NotContain(l => l.Contains("twice.environment", StringComparison.Ordinal));

        var dedicated = Usernames(environment, role => role is "bruteForceCustomer" or "timingCustomer");
        dedicated.Should().Contain("lockout.b1").And.Contain("timing.b1");
        var counts = FailedSignIns.Count(first.ReportDir, Usernames(environment, _ => true));
        TestContext.Out.WriteLine("Failed sign-ins of the first run, per account: " + string.Join(", ", counts
            .GroupBy(c => c.Key.Username).OrderByDescending(g => g.Sum(c => c.Value)).Select(g => $"{g.Key} {g.Sum(c => c.Value)} in {g.Count()} scenarios")));
        counts.Where(c => dedicated.Contains(c.Key.Username)).Should().NotBeEmpty("the bursts and the timing comparison ran against their accounts");
        counts.Where(c => !dedicated.Contains(c.Key.Username) && c.Value > 1)
            .Select(c => $"{c.Key.Scenario}: {c.Value} failed sign-ins for {c.Key.Username}")
            .Should().BeEmpty("an account the environment does not dedicate to bursts gets at most one ordinary mistake from a scenario");
    }

    private static Dictionary<string, (string Verdict, bool Timing)> Verdicts(ScriptResult run)
    {
        using var summary = run.ReadJson("summary.json");
        return summary.RootElement.GetProperty("scenarios").EnumerateArray().ToDictionary(
            s => s.GetProperty("name").GetString()!,
            s => (s.GetProperty("verdict").GetString()!, s.GetProperty("tags").EnumerateArray().Any(t => t.GetString() == "timing")));
    }

    /// <summary>The usernames of the environment's principals whose role is chosen.</summary>
    private static HashSet<string> Usernames(JsonObject environment, Func<string, bool> role) =>
        environment["principals"]!.AsObject()
            .SelectMany(brand => brand.Value!.AsObject())
            .Where(r => role(r.Key))
            .Select(role => role.Value!["username"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
}
