using System.Security.Authentication;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Probes;

namespace Rator.Contract.Tests.Unit.Tls;

/// <summary>The TLS probe over real loopback connections: what it sees, and that it goes the way the run's requests go.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class TlsProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Test]
    public async Task It_sees_the_protocol_the_suite_the_certificate_and_a_refused_legacy_hello_and_trusts_the_declared_ca()
    {
        using var ca = TestCertificates.Ca("Probe CA");
        using var leaf = TestCertificates.Server(ca, ["localhost", "127.0.0.1"]);
        await using var server = TlsTestServer.Tls(leaf);

        var seen = await Probe(new TlsSettings { CaFile = "ca.pem", TrustedAuthorities = [ca] }).ExamineAsync(new Uri($"https://127.0.0.1:{server.Port}/rator/"), Timeout);

        seen.HandshakeFailure.Should().BeNull();
        seen.Protocol.Should().Be(SslProtocols.Tls13);
        TlsQuality.RecommendedForTls13.Should().Contain(seen.CipherSuite!.Value);
        seen.Certificate!.Names.Should().Equal("localhost", "127.0.0.1");
        seen.Trust!.Trusted.Should().BeTrue();
        seen.Trust.TrustedBy.Should().Be("tls.caFile (ca.pem)");
        seen.LegacyOffer!.Kind.Should().BeOneOf(TlsHello.Reply.Alert, TlsHello.Reply.Closed);
        seen.Route.Should().Be("directly");
        TlsQuality.GatingFindings(seen, DateTimeOffset.UtcNow).Should().BeNull();
    }

    [Test]
    public async Task Without_the_ca_the_certificate_is_seen_and_its_issuer_named_as_untrusted()
    {
        using var ca = TestCertificates.Ca("Company Root CA");
        using var leaf = TestCertificates.Server(ca, ["127.0.0.1"]);
        await using var server = TlsTestServer.Tls(leaf);

        var seen = await Probe(new TlsSettings()).ExamineAsync(new Uri($"https://127.0.0.1:{server.Port}/"), Timeout);

        seen.Protocol.Should().Be(SslProtocols.Tls13, "the probe looks at everything and judges afterwards");
        seen.Trust!.IssuerNotTrusted.Should().Be("CN=Company Root CA");
        TlsQuality.GatingFindings(seen, DateTimeOffset.UtcNow).Should().Contain("is issued by CN=Company Root CA").And.Contain("set tls.caFile");
    }

    [Test]
    public async Task A_server_that_accepts_a_tls_1_1_hello_is_caught_whatever_this_machine_s_tls_library_offers()
    {
        // A canned ServerHello choosing TLS 1.1: the probe writes its hello itself, so the answer is read as sent.
        await using var server = TlsTestServer.Answering(TlsTestServer.ServerHello(0x0302, 0xc013));

        var seen = await Probe(new TlsSettings()).ExamineAsync(new Uri($"https://127.0.0.1:{server.Port}/"), Timeout);

        seen.LegacyOffer!.Kind.Should().Be(TlsHello.Reply.ServerHello);
        seen.LegacyOffer.Version.Should().Be(0x0302);
        seen.LegacyOffer.ToString().Should().Be("a ServerHello choosing TLS 1.1 with TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
        seen.HandshakeFailure.Should().NotBeNull("the current hello got a TLS 1.1 answer a current client refuses");
        TlsQuality.GatingFindings(seen, DateTimeOffset.UtcNow).Should().Contain("speaks only protocols RFC 8996 retired");
    }

    [Test]
    public async Task A_port_that_answers_in_plain_http_is_no_tls_port()
    {
        await using var server = TlsTestServer.Answering("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"u8.ToArray());

        var (answer, _) = await PlainHttpPort.SniffAsync(new HttpTransport(new TlsSettings(), ProxySettings.FromEnvironment), new Uri($"http://127.0.0.1:{server.Port}/"), Timeout);

        answer!.Kind.Should().Be(TlsHello.Reply.NotTls);
        answer.SpeaksTls.Should().BeFalse();
    }

    [Test]
    public async Task A_tls_port_named_as_the_plain_http_address_is_recognised_as_tls()
    {
        using var ca = TestCertificates.Ca("Sniff CA");
        using var leaf = TestCertificates.Server(ca, ["127.0.0.1"]);
        await using var server = TlsTestServer.Tls(leaf);

        var (answer, _) = await PlainHttpPort.SniffAsync(new HttpTransport(new TlsSettings(), ProxySettings.FromEnvironment), new Uri($"http://127.0.0.1:{server.Port}/"), Timeout);

        answer!.SpeaksTls.Should().BeTrue("a plain request there would only be closed by the TLS layer");
    }

    [Test]
    public async Task Through_a_declared_proxy_both_connections_go_through_its_tunnel()
    {
        const string host = "tls.unit.test";
        using var ca = TestCertificates.Ca("Proxied CA");
        using var leaf = TestCertificates.Server(ca, [host]);
        await using var server = TlsTestServer.Tls(leaf);
        var seen = new List<string>();
        await using var proxy = TlsTestServer.Proxy(host, server.Port, seen);

        var examination = await new TlsProbe(new HttpTransport(new TlsSettings { TrustedAuthorities = [ca], CaFile = "ca.pem" },
                new ProxySettings { Declared = true, Url = new Uri($"http://127.0.0.1:{proxy.Port}") }))
            .ExamineAsync(new Uri($"https://{host}:{server.Port}/"), Timeout);

        examination.Route.Should().Be($"through the proxy 127.0.0.1:{proxy.Port} (proxy.url)");
        examination.Trust!.Trusted.Should().BeTrue();
        seen.Should().Equal($"{host}:{server.Port}", $"{host}:{server.Port}");
    }

    [Test]
    public async Task A_proxy_that_refuses_the_tunnel_is_a_connection_failure_that_says_so()
    {
        var seen = new List<string>();
        await using var proxy = TlsTestServer.Proxy("allowed.unit.test", 1, seen);

        var examination = await new TlsProbe(new HttpTransport(new TlsSettings(), new ProxySettings { Declared = true, Url = new Uri($"http://127.0.0.1:{proxy.Port}") }))
            .ExamineAsync(new Uri("https://other.unit.test:8443/"), Timeout);

        examination.ConnectionFailure.Should().Contain("refused a tunnel to other.unit.test:8443 (403)");
    }

    private static TlsProbe Probe(TlsSettings tls) => new(new HttpTransport(tls, ProxySettings.FromEnvironment));
}
