using System.Diagnostics;

namespace Rator.Sandbox.Tests;

/// <summary>Starting, configuring and stopping hosts in-process.</summary>
public sealed class HostingTests
{
    [Test]
    public async Task Port_zero_gives_a_loopback_base_url_with_the_app_context()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions());

        host.BaseUrl.Scheme.Should().Be("http");
        host.BaseUrl.Host.Should().Be("127.0.0.1");
        host.BaseUrl.Port.Should().BeGreaterThan(0);
        host.BaseUrl.AbsolutePath.Should().Be("/rator/");
        host.TokenEndpoint.AbsolutePath.Should().Be("/rator/oauth/token");
        host.ActiveDefects.Should().BeEmpty();
        host.DatabaseDescription.Should().Be("in-memory");
    }

    [TestCase("/api", "/api/")]
    [TestCase("api/", "/api/")]
    [TestCase("", "/")]
    [TestCase("/a/b", "/a/b/")]
    public async Task The_app_context_is_configurable(string context, string expectedPath)
    {
        await using var sandbox = await RunningSandbox.StartAsync(new SandboxOptions { AppContext = context });
        sandbox.Host.BaseUrl.AbsolutePath.Should().Be(expectedPath);
        (await sandbox.Client.PasswordAsync(Fixtures.Alice)).Status.Should().Be(200);
    }

    [Test]
    public async Task Active_defects_come_from_the_catalogue()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Defects = ["uuid-tokens", "token-echoed", "uuid-tokens"] });
        host.ActiveDefects.Select(d => (d.Name, d.RequirementId)).Should().Equal(("uuid-tokens", "SH-01"), ("token-echoed", "SH-03"));
    }

    [Test]
    public async Task An_unknown_defect_stops_start_up_with_a_clear_message()
    {
        var start = () => SandboxHost.StartAsync(new SandboxOptions { Defects = ["no-such-defect"] });
        (await start.Should().ThrowAsync<SandboxConfigurationException>())
            .Which.Message.Should().Contain("no-such-defect").And.Contain("--list-defects");
    }

    [TestCase("http://0.0.0.0:0")]
    [TestCase("http://*:0")]
    [TestCase("http://192.0.2.10:0")]
    [TestCase("ftp://127.0.0.1:0")]
    [TestCase("https://127.0.0.1:0;https://127.0.0.1:0")]
    [TestCase("not a url")]
    [TestCase("http://127.0.0.1:0/path")]
    public async Task Non_loopback_or_odd_urls_are_refused(string urls)
    {
        var start = () => SandboxHost.StartAsync(new SandboxOptions { Urls = urls });
        await start.Should().ThrowAsync<SandboxConfigurationException>();
    }

    [Test]
    public async Task Remote_binding_needs_the_explicit_option()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Urls = "http://0.0.0.0:0", AllowRemote = true });
        host.BaseUrl.Host.Should().Be("127.0.0.1");
    }

    [Test]
    public async Task A_busy_port_is_a_configuration_error()
    {
        await using var first = await SandboxHost.StartAsync(new SandboxOptions());
        var start = () => SandboxHost.StartAsync(new SandboxOptions { Urls = $"http://127.0.0.1:{first.BaseUrl.Port}" });
        await start.Should().ThrowAsync<SandboxConfigurationException>();
    }

    [TestCase("password")]
    [TestCase("has space")]
    [TestCase("")]
    public async Task Bad_operator_grant_names_are_refused(string name)
    {
        var start = () => SandboxHost.StartAsync(new SandboxOptions { OperatorGrantType = name });
        await start.Should().ThrowAsync<SandboxConfigurationException>();
    }

    [Test]
    public async Task Latency_is_added_to_every_response()
    {
        await using var sandbox = await RunningSandbox.StartAsync(new SandboxOptions { LatencyMs = 300 });
        await sandbox.Client.GetAsync("nothing", null, null); // warm up the connection
        var watch = Stopwatch.StartNew();
        var reply = await sandbox.Client.GetAsync("nothing", null, null);
        watch.ElapsedMilliseconds.Should().BeGreaterThanOrEqualTo(290);
        reply.Status.Should().Be(404);
    }

    [Test]
    public void Environment_variables_override_and_extend_the_options()
    {
        var variables = new Dictionary<string, string>
        {
            ["RATOR_SANDBOX_DEFECTS"] = "uuid-tokens, token-echoed",
            ["RATOR_SANDBOX_LATENCY_MS"] = "25",
            ["RATOR_SANDBOX_DB"] = "/tmp/x.db",
            ["RATOR_SANDBOX_SEED"] = "/tmp/seed.json",
            ["RATOR_SANDBOX_APP_CONTEXT"] = "/api",
            ["RATOR_SANDBOX_OPERATOR_GRANT_TYPE"] = "operator",
            ["RATOR_SANDBOX_CLIENT_CREDENTIALS"] = "false",
            ["RATOR_SANDBOX_ROTATE_REFRESH_TOKENS"] = "0",
            ["RATOR_SANDBOX_ALLOW_REMOTE"] = "yes",
        };
        var original = new SandboxOptions { Defects = ["cache-headers-missing"] };

        var o = original.WithEnvironmentOverrides(name => variables.GetValueOrDefault(name));

        o.Defects.Should().Equal("cache-headers-missing", "uuid-tokens", "token-echoed");
        o.LatencyMs.Should().Be(25);
        o.DatabasePath.Should().Be("/tmp/x.db");
        o.SeedPath.Should().Be("/tmp/seed.json");
        o.AppContext.Should().Be("/api");
        o.OperatorGrantType.Should().Be("operator");
        o.ClientCredentialsOffered.Should().BeFalse();
        o.RotateRefreshTokens.Should().BeFalse();
        o.AllowRemote.Should().BeTrue();
        original.Defects.Should().Equal("cache-headers-missing");
    }

    [TestCase("RATOR_SANDBOX_LATENCY_MS", "-5")]
    [TestCase("RATOR_SANDBOX_LATENCY_MS", "fast")]
    [TestCase("RATOR_SANDBOX_CLIENT_CREDENTIALS", "maybe")]
    public void Bad_environment_values_name_the_variable(string name, string value)
    {
        var act = () => new SandboxOptions().WithEnvironmentOverrides(n => n == name ? value : null);
        act.Should().Throw<SandboxConfigurationException>().Which.Message.Should().Contain(name);
    }

    [Test]
    public void Without_variables_nothing_changes()
    {
        var o = new SandboxOptions().WithEnvironmentOverrides(_ => null);
        o.Defects.Should().BeEmpty();
        o.LatencyMs.Should().Be(0);
        o.Urls.Should().Be("http://127.0.0.1:0");
    }

    [Test]
    public async Task Stopping_twice_is_harmless()
    {
        var host = await SandboxHost.StartAsync(new SandboxOptions());
        await host.DisposeAsync();
        await host.DisposeAsync();
    }
}
