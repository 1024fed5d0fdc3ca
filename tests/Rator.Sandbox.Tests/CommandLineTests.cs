using Rator.Sandbox.Hosting;

namespace Rator.Sandbox.Tests;

/// <summary>The standalone command line: options, --list-defects, usage errors (exit 2, one line).</summary>
public sealed class CommandLineTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var code = await SandboxCommandLine.RunAsync(args, stdout, stderr, stop.Token);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public async Task List_defects_prints_name_requirement_and_description_per_line()
    {
        var (code, output, _) = await Run("--list-defects");

        code.Should().Be(0);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(SandboxDefectCatalog.All.Count);
        lines[0].Should().MatchRegex(@"^token-get-allowed\s+TE-01  GET on the token endpoint");
    }

    [Test]
    public async Task Help_describes_every_option()
    {
        var (code, output, _) = await Run("--help");
        code.Should().Be(0);
        output.Should().ContainAll("--urls", "--defects", "--latency-ms", "--db", "--seed", "--list-defects", "--allow-remote",
            "RATOR_SANDBOX_DEFECTS", "RATOR_SANDBOX_LATENCY_MS");
    }

    [TestCase("--bogus")]
    [TestCase("--defects", "no-such-defect")]
    [TestCase("--latency-ms", "soon")]
    [TestCase("--urls", "http://0.0.0.0:5080")]
    [TestCase("--urls")]
    public async Task Usage_errors_are_one_line_on_stderr_and_exit_2(params string[] args)
    {
        var (code, output, error) = await Run(args);

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("rator-sandbox: ");
        error.Should().NotContain("   at ");
    }

    [Test]
    public async Task It_serves_until_stopped_and_prints_where()
    {
        var (code, output, error) = await Run("--urls", "http://127.0.0.1:0", "--defects", "uuid-tokens", "--latency-ms", "5");

        code.Should().Be(0);
        error.Should().BeEmpty();
        output.Should().MatchRegex(@"listening on http://127\.0\.0\.1:\d+/rator/").And.Contain("uuid-tokens");
    }

    [Test]
    public void Options_parse_in_both_spellings_and_over_the_environment()
    {
        var start = new SandboxOptions { Defects = ["uuid-tokens"] };
        var (o, list, _, help) = SandboxCommandLine.Parse(
            ["--urls=http://127.0.0.1:6000", "--defects", "token-echoed", "--db", "x.db", "--seed=s.json", "--app-context", "/x",
             "--operator-grant-type", "op", "--no-client-credentials", "--no-refresh-rotation", "--allow-remote", "--latency-ms=7"], start);

        (list, help).Should().Be((false, false));
        o.Urls.Should().Be("http://127.0.0.1:6000");
        o.Defects.Should().Equal("uuid-tokens", "token-echoed");
        (o.DatabasePath, o.SeedPath, o.AppContext, o.OperatorGrantType).Should().Be(("x.db", "s.json", "/x", "op"));
        (o.ClientCredentialsOffered, o.RotateRefreshTokens, o.AllowRemote, o.LatencyMs).Should().Be((false, false, true, 7));
    }
}
