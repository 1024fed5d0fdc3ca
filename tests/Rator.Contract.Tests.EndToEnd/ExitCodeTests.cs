using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.EndToEnd.Support;

namespace Rator.Contract.Tests.EndToEnd;

/// <summary>
/// The documented exit codes for what a user gets wrong (2), a selection that matches nothing (4) and -List (0),
/// each with one readable message. Where a target is configured it is a live fake server, so "nothing was sent" is
/// checked by its connection count rather than believed.
/// </summary>
public sealed class ExitCodeTests : EndToEndTest
{
    [Test]
    public async Task An_unknown_environment_exits_2_naming_it_and_listing_the_known_ones()
    {
        var scratch = NewScratch("unknown-env");

        var run = await Script(scratch, "-Environment", "e2e-no-such-environment").RunAsync();

        run.ShouldExitWith(2).ShouldShowNoStackTrace().ShouldLeaveNoReportFolder();
        var message = run.ShouldShowOneMessage("e2e-no-such-environment");
        foreach (var known in Directory.EnumerateFiles(Repository.EnvironmentsDirectory, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Select(Path.GetFileNameWithoutExtension))
            message.Should().Contain(known!, "the message lists the environments that exist; {0}", run);
    }

    [Test]
    public async Task Missing_variables_exit_2_naming_every_one_and_printing_no_value()
    {
        var scratch = NewScratch("missing-vars");
        await using var target = new FakeTarget(Hostility.IssuesTokens);
        var environment = EnvironmentFiles.ForTarget(target.BaseUrl);
        environment["clients"]!["primary"]!["secret"] = "${E2E_MISSING_ALPHA}";
        environment["principals"]!["BRAND1"]!["customer"]!["password"] = "${E2E_MISSING_BETA}";
        environment["principals"]!["BRAND1"]!["operator"] = new JsonObject { ["username"] = "op.b1", ["password"] = "${E2E_PRESENT}" };
        const string presentValue = "E2e-Present-Value-4Kx9";

        var run = await Script(scratch, "-Environment", environment.Write(scratch, "missing.json"))
            .WithVariable("E2E_PRESENT", presentValue).RunAsync();

        run.ShouldExitWith(2).ShouldShowNoStackTrace();
        run.ShouldShowOneMessage("E2E_MISSING_ALPHA", "$.clients.primary.secret");
        run.ShouldShowOneMessage("E2E_MISSING_BETA", "$.principals.BRAND1.customer.password");
        run.Console.Should().NotContain("E2E_PRESENT", "a variable that is set is no problem").And.NotContain(presentValue);
        foreach (var file in Directory.EnumerateFiles(run.ReportDir, "*", SearchOption.AllDirectories))
            File.ReadAllText(file).Should().NotContain(presentValue, "no file holds a value either ({0})", file);
        target.Connections.Should().Be(0, "nothing is sent before the configuration is valid");
    }

    [Test]
    public async Task An_unknown_key_exits_2_naming_it()
    {
        var scratch = NewScratch("unknown-key");
        await using var target = new FakeTarget(Hostility.IssuesTokens);
        var environment = EnvironmentFiles.ForTarget(target.BaseUrl);
        environment["requestTimeotSeconds"] = 3;

        var run = await Script(scratch, "-Environment", environment.Write(scratch, "typo.json")).WithTargetSecrets().RunAsync();

        run.ShouldExitWith(2).ShouldShowNoStackTrace();
        run.ShouldShowOneMessage("$.requestTimeotSeconds", "unknown key");
        target.Connections.Should().Be(0, "nothing is sent before the configuration is valid");
    }

    [Test]
    public async Task Plain_http_to_a_host_that_is_not_loopback_exits_2()
    {
        var scratch = NewScratch("insecure");
        var environment = EnvironmentFiles.ForTarget("http://rator.example.com/rator");

        var run = await Script(scratch, "-Environment", environment.Write(scratch, "insecure.json")).WithTargetSecrets().RunAsync();

        run.ShouldExitWith(2).ShouldShowNoStackTrace();
        run.ShouldShowOneMessage("rator.example.com", "allowInsecureHttp");
    }

    [Test]
    public async Task A_tag_expression_that_selects_nothing_exits_4_and_sends_nothing()
    {
        var scratch = NewScratch("nothing-selected");
        await using var target = new FakeTarget(Hostility.IssuesTokens);
        var environment = EnvironmentFiles.ForTarget(target.BaseUrl);

        var run = await Script(scratch, "-Environment", environment.Write(scratch, "target.json"), "-Tags", "@e2e-no-such-tag")
            .WithTargetSecrets().RunAsync();

        run.ShouldExitWith(4).ShouldShowNoStackTrace();
        run.ShouldShowOneMessage("@e2e-no-such-tag");
        using var summary = run.ReadJson("summary.json");
        summary.RootElement.GetProperty("exitCode").GetInt32().Should().Be(4);
        summary.RootElement.GetProperty("scenarios").GetArrayLength().Should().Be(0);
        target.Connections.Should().Be(0, "nothing is selected, so no credentials may be sent to the target (requests: {0})",
            string.Join("; ", target.Requests));
    }

    [TestCase("@PW-01 and (")]
    [TestCase("@PW-01 @PW-02")]
    [TestCase("not")]
    public async Task A_malformed_tag_expression_exits_2(string tags)
    {
        var scratch = NewScratch("bad-tags");

        var run = await Script(scratch, "-Tags", tags).RunAsync();

        run.ShouldExitWith(2).ShouldShowNoStackTrace().ShouldLeaveNoReportFolder();
        run.ShouldShowOneMessage($"'{tags}'");
    }

    /// <summary>
    /// A mistyped parameter or a value of the wrong type is a usage error like any other: 2, not the 1 that tells CI
    /// "the deployment broke the contract". (PowerShell's parameter binding fails before the script runs and exits 1.)
    /// </summary>
    [TestCase("-Envirnoment", "local", "Envirnoment")]
    [TestCase("-Parallel", "two", "Parallel")]
    public async Task A_parameter_the_script_cannot_take_exits_2_naming_it(string parameter, string value, string named)
    {
        var scratch = NewScratch("bad-parameter");

        var run = await Script(scratch, parameter, value).RunAsync();

        run.ShouldShowNoStackTrace().ShouldLeaveNoReportFolder();
        run.ShouldShowOneMessage(named);
        run.ShouldExitWith(2);
    }

    [Test]
    public async Task List_shows_the_selected_scenarios_and_sends_nothing()
    {
        var scratch = NewScratch("list");
        await using var target = new FakeTarget(Hostility.IssuesTokens);
        var environment = EnvironmentFiles.ForTarget(target.BaseUrl);

        var run = await Script(scratch, "-Environment", environment.Write(scratch, "target.json"), "-List", "-Tags", "@smoke")
            .WithTargetSecrets().RunAsync();

        run.ShouldExitWith(0).ShouldShowNoStackTrace().ShouldLeaveNoReportFolder();
        var total = run.ShouldShowOneMessage("scenarios selected by @smoke");
        var count = int.Parse(Regex.Match(total, @"(\d+) scenarios selected").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        count.Should().BePositive();
        run.ConsoleLines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Should()
            .HaveCount(count, "one line per selected scenario; {0}", run)
            .And.OnlyContain(l => Regex.IsMatch(l, @"\[[^\]]*@smoke\b"), "each shows its tags, @smoke among them");
        target.Connections.Should().Be(0, "-List sends nothing");
    }
}
