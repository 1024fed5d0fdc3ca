using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.EndToEnd.Support;

namespace Rator.Contract.Tests.EndToEnd;

/// <summary>
/// HTTPS deployments as companies run them, over real TLS on loopback: a CA the machine does not trust (a finding with
/// its remedy, exit 1), the same CA declared in tls.caFile with the client certificate the deployment demands (a pass),
/// an expired certificate and one for another host (a finding each), the client certificate not given (exit 3 saying
/// which key to set), and a host that only a proxy can reach, where every request, the TLS probe's included, goes through the proxy
/// and nothing tries any other host. Each test's deployment is the sandbox in this process, from a CA of its own.
/// </summary>
public sealed class TlsDeploymentTests : EndToEndTest
{
    /// <summary>Enough of the suite to show every network path: the headline flows, TLS (SH-05) and plain HTTP (TE-02).</summary>
    private const string EveryPath = "@smoke or @SH-05 or @TE-02";

    /// <summary>A name no resolver answers (RFC 6761 §6.2): only the test proxy takes it to loopback.</summary>
    private const string ProxiedHost = "staging.rator.test";

    [Test]
    public async Task A_certificate_from_a_ca_nobody_trusts_is_an_SH_05_finding_with_its_remedy_and_exit_1()
    {
        var scratch = NewScratch("tls-untrusted");
        await using var target = await HttpsTarget.StartAsync(scratch);

        var run = await Script(scratch, "-Environment", target.Environment(tls: null).Write(scratch, "untrusted.json")).RunAsync();

        run.ShouldExitWith(1).ShouldShowNoStackTrace();
        var finding = run.ShouldShowOneMessage("is issued by CN=Rator Sandbox CA", "set tls.caFile", "without sending credentials");
        run.ConsoleLines.ToList().IndexOf(finding).Should().BeLessThan(5, "the finding is the first thing the summary says; {0}", run);
        using var summary = run.ReadJson("summary.json");
        var scenarios = summary.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        var failed = scenarios.Where(s => s.GetProperty("verdict").GetString() == "failed").ToList();
        failed.Should().ContainSingle("only the issuer's clause is broken; {0}", run)
            .Which.GetProperty("name").GetString().Should().EndWith("The certificate comes from an issuer the run trusts");
        failed[0].GetProperty("message").GetString().Should().Contain("set tls.caFile");
        scenarios.Where(s => !Tags(s).Contains("SH-05")).Should().OnlyContain(s =>
            s.GetProperty("verdict").GetString() == "skipped" && s.GetProperty("message").GetString()!.Contains("not run"),
            "without a connection it trusts the run gets no first token, so the scenarios that send credentials are not run");
        scenarios.Count(s => Tags(s).Contains("SH-05") && s.GetProperty("verdict").GetString() == "passed").Should().Be(6,
            "the other clauses hold: the date, the name, the protocols, the cipher suite");
    }

    [TestCase("tls-certificate-expired", "The certificate has not expired", "expired on")]
    [TestCase("tls-wrong-host-name", "The certificate is issued for the deployment's host name", "is issued for wrong.example.com, not for 127.0.0.1")]
    public async Task A_certificate_past_its_end_or_for_another_host_is_a_finding_in_plain_words_and_exit_1(string defect, string scenario, string words)
    {
        var scratch = NewScratch("tls-finding");
        await using var target = await HttpsTarget.StartAsync(scratch, defects: [defect]);
        var tls = new JsonObject { ["caFile"] = target.CaFile };

        var run = await Script(scratch, "-Environment", target.Environment(tls).Write(scratch, "finding.json")).RunAsync();

        run.ShouldExitWith(1).ShouldShowNoStackTrace();
        run.ShouldShowOneMessage(words, "without sending credentials");
        using var summary = run.ReadJson("summary.json");
        summary.RootElement.GetProperty("scenarios").EnumerateArray().Where(s => s.GetProperty("verdict").GetString() == "failed")
            .Select(s => s.GetProperty("name").GetString()).Should().ContainSingle().Which.Should().EndWith(scenario);
    }

    /// <summary>One run proves both: the CA declared in tls.caFile is trusted, and the declared client certificate is presented.</summary>
    [Test]
    public async Task Trusted_through_tls_ca_file_and_given_the_client_certificate_it_demands_every_path_passes_over_https()
    {
        var scratch = NewScratch("tls-trusted");
        var clients = new ClientCertificates(scratch);
        await using var target = await HttpsTarget.StartAsync(scratch, clientCaFile: clients.CaFile);
        var tls = new JsonObject
        {
            ["caFile"] = "sandbox-ca/ca.pem", // relative to the environment file's folder
            ["plainHttpBaseUrl"] = target.PlainHttpBaseUrl(),
            ["clientCertificate"] = new JsonObject { ["certificate"] = clients.Pkcs12("qa-suite", "P12-Pass-9xq"), ["password"] = "${E2E_CLIENT_CERT_PASSWORD}" },
        };

        var run = await Script(scratch, "-Environment", target.Environment(tls).Write(scratch, "trusted.json"), "-Tags", EveryPath)
            .WithVariable("E2E_CLIENT_CERT_PASSWORD", "P12-Pass-9xq").RunAsync();

        run.ShouldExitWith(0).ShouldShowNoStackTrace();
        using var summary = run.ReadJson("summary.json");
        summary.RootElement.GetProperty("counts").GetProperty("failed").GetInt32().Should().Be(0, "{0}", run);
        var judged = summary.RootElement.GetProperty("scenarios").EnumerateArray()
            .Where(s => Tags(s).Contains("SH-05") || Tags(s).Contains("TE-02")).Select(s => s.GetProperty("verdict").GetString()).ToList();
        judged.Should().HaveCount(8).And.OnlyContain(v => v == "passed", "TE-02 and SH-05 are judged, not NOT_APPLICABLE; {0}", run);
        run.Console.Should().NotContain("P12-Pass-9xq", "the certificate's password is a secret like any other");
        var search = new ArtifactSearch([]).AddSecret("the client certificate's password", "P12-Pass-9xq");
        Directory.EnumerateFiles(run.ReportDir, "*", SearchOption.AllDirectories)
            .SelectMany(f => search.Find(File.ReadAllText(f)).Select(what => $"{f}: {what}")).Should().BeEmpty("no artifact holds the password");
    }

    [Test]
    public async Task Without_the_client_certificate_it_demands_the_run_stops_with_exit_3_naming_the_key_to_set()
    {
        var scratch = NewScratch("tls-client-missing");
        var clients = new ClientCertificates(scratch);
        await using var target = await HttpsTarget.StartAsync(scratch, clientCaFile: clients.CaFile);

        var run = await Script(scratch, "-Environment", target.Environment(new JsonObject { ["caFile"] = target.CaFile }).Write(scratch, "no-client.json")).RunAsync();

        run.ShouldExitWith(3).ShouldShowNoStackTrace();
        run.ShouldShowOneMessage("found the certificate", "in order", "set tls.clientCertificate");
        run.ConsoleLines.Should().HaveCountLessThanOrEqualTo(5, "a banner, progress, the message and the exit code; {0}", run);
    }

    [Test]
    public async Task A_host_only_a_proxy_can_reach_is_reached_through_it_by_every_request_the_probes_included_and_nothing_else_is_tried()
    {
        FluentActions.Invoking(() => Dns.GetHostAddresses(ProxiedHost)).Should().Throw<SocketException>(
            "{0} must not resolve here, or the run could reach it without the proxy", ProxiedHost);
        var scratch = NewScratch("tls-proxy");
        await using var target = await HttpsTarget.StartAsync(scratch, hostNames: [ProxiedHost]);
        await using var proxy = new ConnectProxy(ProxiedHost);
        var tls = new JsonObject { ["caFile"] = target.CaFile, ["plainHttpBaseUrl"] = target.PlainHttpBaseUrl(ProxiedHost) };

        // The proxy as a locked-down network gives it: in the variables every program reads, Reqnroll's telemetry included.
        var run = await Script(scratch, "-Environment", target.Environment(tls, ProxiedHost).Write(scratch, "proxied.json"), "-Tags", EveryPath)
            .WithVariable("HTTPS_PROXY", proxy.Url.ToString()).WithVariable("HTTP_PROXY", proxy.Url.ToString()).RunAsync();

        run.ShouldExitWith(0).ShouldShowNoStackTrace();
        var https = $"{ProxiedHost}:{target.Host.BaseUrl.Port}";
        var plain = $"{ProxiedHost}:{target.Host.PlainHttpBaseUrl!.Port}";
        proxy.Seen.Keys.Should().BeEquivalentTo([https, plain], "every connection went to the deployment through the proxy, none anywhere else; {0}", run);
        // The scenarios' client pools its connections; the TLS probe opens two of its own and TE-02 looks at the plain port first.
        proxy.Seen[https].Should().BeGreaterThanOrEqualTo(3);
        proxy.Seen[plain].Should().BeGreaterThanOrEqualTo(2, "the TLS hello that checks the plain port, then the sign-in sent there in clear");
        using var summary = run.ReadJson("summary.json");
        summary.RootElement.GetProperty("scenarios").EnumerateArray().Where(s => Tags(s).Contains("SH-05") || Tags(s).Contains("TE-02"))
            .Should().OnlyContain(s => s.GetProperty("verdict").GetString() == "passed", "{0}", run);
    }

    private static IReadOnlyList<string> Tags(JsonElement scenario) =>
        scenario.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList();
}
