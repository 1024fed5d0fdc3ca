using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.EndToEnd.Support;

namespace Rator.Contract.Tests.EndToEnd;

/// <summary>
/// Secrets: a run with distinctive secret values leaves no trace of them, nor of any full token, in any
/// file of its report folder or in its console; and the run's own scan (exit 5) fires when a secret does reach one.
/// </summary>
public sealed class SecretTests : EndToEndTest
{
    [Test]
    public async Task A_run_leaves_no_secret_value_and_no_full_token_in_any_artifact_or_its_console()
    {
        var scratch = NewScratch("secrets");
        var secrets = DistinctiveSecrets.Create(scratch);

        var run = await secrets.Apply(Script(scratch, "-Environment", secrets.EnvironmentFile, "-Tags", "@smoke")).RunAsync();

        run.ShouldExitWith(0).ShouldShowNoStackTrace();
        ShouldHoldNoSecretAndNoToken(run, secrets);
    }

    /// <summary>
    /// Failures are where values travel furthest — messages, expectations, VSTest's output in TRX and JUnit — so the same
    /// scan after a failing run, against a sandbox that misbehaves with credentials: it echoes presented tokens in its
    /// refusals (SH-03), accepts client credentials and tokens in the query string (TE-04, RS-06, so they appear in
    /// URLs), and does not decode Basic credentials (TE-03, so the special-character secret is refused).
    /// </summary>
    [Test]
    public async Task A_failing_run_against_a_deployment_that_mishandles_credentials_leaves_none_either()
    {
        var scratch = NewScratch("secrets-failing");
        var secrets = DistinctiveSecrets.Create(scratch);
        const string requirements = "SH-03,TE-03,TE-04,RS-06";

        var run = await secrets.Apply(Script(scratch, "-Environment", secrets.EnvironmentFile, "-Tags", "@SH-03 or @TE-03 or @TE-04 or @RS-06"))
            .WithVariable("RATOR_SANDBOX_DEFECTS", "token-echoed,basic-auth-not-decoded,query-client-credentials-accepted,query-token-accepted")
            .WithVariable("RATOR_POLICY_GATING", requirements)
            .RunAsync();

        run.ShouldExitWith(1).ShouldShowNoStackTrace();
        foreach (var id in requirements.Split(','))
            run.ConsoleLines.Should().Contain(l => l.TrimStart().StartsWith($"[{id} ", StringComparison.Ordinal), "the defect of {0} is caught; {1}", id, run);
        ShouldHoldNoSecretAndNoToken(run, secrets);
    }

    private static void ShouldHoldNoSecretAndNoToken(ScriptResult run, DistinctiveSecrets secrets)
    {
        var digests = File.ReadAllLines(run.ReportFile("run/token-fingerprints.txt"));
        digests.Should().HaveCountGreaterThan(3, "the scenarios obtain tokens, and the run records each one's digest");
        var search = new ArtifactSearch(digests);
        foreach (var secret in secrets.Secrets)
            search.AddSecret($"{secret.Where} ({secret.Variable})", secret.Value, secret.ClientId);

        search.Find(File.ReadAllText(secrets.SeedFile)).Should().HaveCountGreaterThanOrEqualTo(secrets.Secrets.Count,
            "the search finds the secrets where they are known to be (the sandbox seed): it is not blind");
        var files = Directory.EnumerateFiles(run.ReportDir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(run.ReportDir, f)).ToList();
        files.Should().Contain(["console.log", "results.trx", "junit.xml", "living-documentation.html", "cucumber-messages.ndjson",
            "summary.json", "manifest.json", "compliance.json", "run/scenarios.ndjson"]);
        files.Should().Contain(f => f.StartsWith("allure-results", StringComparison.Ordinal) && f.EndsWith("-attachment.txt", StringComparison.Ordinal),
            "the exchanges are attached, so the scan reads real evidence");

        var leaks = search.FindInFolder(run.ReportDir).Concat(search.Find(run.Console).Select(w => $"console: {w}")).ToList();
        leaks.Should().BeEmpty("no artifact of {0} files may hold a secret or a full token; {1}", files.Count, run);
        TestContext.Out.WriteLine($"{files.Count} files and the console scanned for {secrets.Secrets.Count} secrets and {digests.Length} tokens; run took {run.Elapsed.TotalSeconds:0.0} s");
    }

    [Test]
    public void The_independent_search_finds_each_form_it_looks_for()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        var search = new ArtifactSearch([digest]).AddSecret("the secret", "Zq:e2e+&=%/x", "rator-partner");

        foreach (var (form, text) in SecretForms.Of("Zq:e2e+&=%/x", "rator-partner"))
            search.Find($"<td>{text}</td>").Should().NotBeEmpty("the {0} form is looked for", form);
        search.Find($"Authorization: Bearer {token}.").Should().ContainSingle();
        search.Find($"/api/x?access_token={token}&y=1").Should().ContainSingle();
        search.Find($"{{\"refresh_token\":\"{token}\"}}").Should().ContainSingle();
        search.Find($"«token:{digest[..8]}» and Zq:e2e").Should().BeEmpty("a fingerprint or a prefix is not the secret");
    }

    /// <summary>
    /// An honest leak, with no change to the suite: a deployment's password that happens to be a phrase the reports
    /// print anyway (here, words of a scenario's name, which summary.json, JUnit and TRX carry). The redactor cannot
    /// mask test names, so the artifact scan must catch it and end the run with 5 — without printing the value itself.
    /// </summary>
    [Test]
    public async Task A_secret_value_that_reaches_an_artifact_ends_the_run_with_5_without_printing_it()
    {
        var scratch = NewScratch("planted");
        const string planted = "reads the balance of their billing group";
        var environment = EnvironmentFiles.Local();
        environment["name"] = "e2e-planted";
        // A role the selected scenario does not use: the run itself passes, only the scan can fail it.
        environment["principals"]!["BRAND2"]!["operator"]!["password"] = "${E2E_PLANTED_PASSWORD}";

        var run = await Script(scratch, "-Environment", environment.Write(scratch, "planted.json"), "-Tags", "@PW-01 and @smoke")
            .WithVariable("E2E_PLANTED_PASSWORD", planted).RunAsync();

        run.ShouldExitWith(5).ShouldShowNoStackTrace();
        run.ShouldShowOneMessage("SECRET FOUND IN THE RUN'S ARTIFACTS");
        run.ConsoleLines.Should().Contain(l => l.Contains("summary.json", StringComparison.Ordinal) && l.Contains("secret", StringComparison.Ordinal),
            "the alarm names the files; {0}", run);
        run.Console.Should().NotContain(planted, "the alarm must not print the secret it found");
        using var summary = run.ReadJson("summary.json");
        summary.RootElement.GetProperty("exitCode").GetInt32().Should().Be(5);
        summary.RootElement.GetProperty("counts").GetProperty("passed").GetInt32().Should().Be(1, "the scenario itself passed");
    }
}
