using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.EndToEnd.Support;

namespace Rator.Contract.Tests.EndToEnd;

/// <summary>
/// A failing scenario's curl command (summary.json "reproduce") re-sends the request: the sandbox runs alone with a
/// defect, the suite runs against it, and the command — with the variables it names set as its comments say, nothing
/// else — gets the status the run got.
/// </summary>
public sealed partial class ReproductionTests : EndToEndTest
{
    private const string PrimarySecretVariable = "E2E_REPRO_PRIMARY_SECRET";

    [Test]
    public async Task A_failing_scenarios_curl_command_gets_the_same_status_again()
    {
        var scratch = NewScratch("repro");
        var port = FreePort();
        sandbox = StartSandbox(port, defect: "password-no-refresh-token");
        await WaitUntilListening(port, sandbox);

        // The embedded sandbox's environment, aimed at the one running alone; one secret from a variable, the rest literal.
        var environment = EnvironmentFiles.Local();
        environment["name"] = "e2e-repro";
        environment["target"] = new JsonObject { ["baseUrl"] = $"http://127.0.0.1:{port}/rator/" };
        var primarySecret = environment["clients"]!["primary"]!["secret"]!.GetValue<string>();
        environment["clients"]!["primary"]!["secret"] = $"${{{PrimarySecretVariable}}}";
        var file = environment.Write(scratch, "e2e-repro.json");

        var run = await Script(scratch, "-Environment", file, "-Tags", "@PW-01")
            .WithVariable(PrimarySecretVariable, primarySecret).RunAsync();

        run.ExitCode.Should().Be(1, run.Console);
        using var summary = run.ReadJson("summary.json");
        var failing = summary.RootElement.GetProperty("scenarios").EnumerateArray()
            .First(s => s.GetProperty("verdict").GetString() == "failed" && s.GetProperty("reproduce").ValueKind == JsonValueKind.Array);
        var command = failing.GetProperty("reproduce")[0].GetString()!;
        var expected = RunGot().Match(command).Groups["status"].Value;
        expected.Should().MatchRegex("^[0-9]{3}$", command);

        var needs = Needs().Match(command).Groups["names"].Value.Split(", ");
        needs.Should().Contain(PrimarySecretVariable, "the environment file names that variable").And
            .Contain(n => n.StartsWith("RATOR_E2E_REPRO_PRINCIPALS_", StringComparison.Ordinal), "a literal fixture gets a named placeholder");
        var variables = needs.ToDictionary(n => n, n => n == PrimarySecretVariable ? primarySecret : LiteralAt(environment, command, n));

        var (exitCode, output) = await Bash(command, variables);

        exitCode.Should().Be(0, output);
        StatusLine().Match(output).Groups["status"].Value.Should().Be(expected, $"the command:\n{command}\nanswered:\n{output}");
        command.Should().NotContain(primarySecret);
    }

    [Test]
    public async Task Over_https_the_command_carries_the_ca_the_client_certificate_and_its_password_variable_and_gets_the_same_status()
    {
        const string keyPasswordVariable = "E2E_REPRO_CLIENT_KEY_PASSWORD";
        const string keyPassword = "Key-Pass-4vT";
        var scratch = NewScratch("repro-https");
        var clients = new ClientCertificates(scratch);
        await using var target = await HttpsTarget.StartAsync(scratch, defects: ["password-no-refresh-token"], clientCaFile: clients.CaFile);
        var (certificate, key) = clients.Pem("qa-suite", keyPassword);
        var environment = target.Environment(new JsonObject
        {
            ["caFile"] = target.CaFile,
            ["clientCertificate"] = new JsonObject { ["certificate"] = certificate, ["key"] = key, ["password"] = $"${{{keyPasswordVariable}}}" },
        });
        var primarySecret = environment["clients"]!["primary"]!["secret"]!.GetValue<string>();
        environment["clients"]!["primary"]!["secret"] = $"${{{PrimarySecretVariable}}}";

        var run = await Script(scratch, "-Environment", environment.Write(scratch, "e2e-repro-https.json"), "-Tags", "@PW-01")
            .WithVariable(PrimarySecretVariable, primarySecret).WithVariable(keyPasswordVariable, keyPassword).RunAsync();

        run.ExitCode.Should().Be(1, run.Console);
        using var summary = run.ReadJson("summary.json");
        var command = summary.RootElement.GetProperty("scenarios").EnumerateArray()
            .First(s => s.GetProperty("verdict").GetString() == "failed" && s.GetProperty("reproduce").ValueKind == JsonValueKind.Array)
            .GetProperty("reproduce")[0].GetString()!;
        command.Should().Contain($"--cacert '{target.CaFile}'").And.Contain($"--cert '{certificate}'").And.Contain($"--key '{key}'")
            .And.Contain($"--pass \"${{{keyPasswordVariable}}}\"").And.NotContain(keyPassword);
        var needs = Needs().Match(command).Groups["names"].Value.Split(", ");
        needs.Should().Contain(keyPasswordVariable, "the key's password is the variable the environment file names");
        var variables = needs.ToDictionary(n => n, n => n == PrimarySecretVariable ? primarySecret : n == keyPasswordVariable ? keyPassword : LiteralAt(environment, command, n));

        var (exitCode, output) = await Bash(command, variables);

        exitCode.Should().Be(0, output);
        StatusLine().Match(output).Groups["status"].Value.Should().Be(RunGot().Match(command).Groups["status"].Value, $"the command:\n{command}\nanswered:\n{output}");
    }

    /// <summary>The value the command's hint points at: "set NAME to the value written at principals.BRAND1.customer.password ...".</summary>
    private static string LiteralAt(JsonObject environment, string command, string name)
    {
        var path = new Regex($@"set {name} to the value written at (?<path>[^ ]+) ").Match(command).Groups["path"].Value;
        path.Should().NotBeEmpty($"the command says what {name} is:\n{command}");
        JsonNode? node = environment;
        foreach (var part in path.Split('.'))
            node = node?[part];
        return node!.GetValue<string>();
    }

    private static async Task<(int ExitCode, string Output)> Bash(string command, IReadOnlyDictionary<string, string> variables)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in variables)
            start.Environment[name] = value;
        using var bash = Process.Start(start)!;
        await bash.StandardInput.WriteAsync(command);
        bash.StandardInput.Close();
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bash.WaitForExitAsync(timeout.Token);
        return (bash.ExitCode, await stdout + await stderr);
    }

    private static Process StartSandbox(int port, string defect)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["run", "--no-build", "-c", Repository.Configuration, "--project", "sandbox/Rator.Sandbox", "--",
                     "--urls", $"http://127.0.0.1:{port}"])
            start.ArgumentList.Add(argument);
        start.Environment["RATOR_SANDBOX_DEFECTS"] = defect;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilListening(int port, Process sandbox)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            sandbox.HasExited.Should().BeFalse("the sandbox must start (exit code {0})", sandbox.HasExited ? sandbox.ExitCode : 0);
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        Assert.Fail($"The sandbox did not listen on port {port} within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // One instance per test (EndToEndTest): the sandbox this test started, ended by its own process id, never by name.
    private Process? sandbox;

    [TearDown]
    public void StopSandbox()
    {
        if (sandbox is { HasExited: false })
            sandbox.Kill(entireProcessTree: true);
        sandbox?.Dispose();
    }

    [GeneratedRegex(@"the run got: (?<status>[0-9]{3})\.")]
    private static partial Regex RunGot();

    [GeneratedRegex(@"# Needs: (?<names>[A-Z0-9_, ]+)\.")]
    private static partial Regex Needs();

    [GeneratedRegex(@"^HTTP/[0-9.]+ (?<status>[0-9]{3})", RegexOptions.Multiline)]
    private static partial Regex StatusLine();
}
