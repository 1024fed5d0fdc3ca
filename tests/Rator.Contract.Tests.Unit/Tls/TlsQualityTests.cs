using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Probes;
using Rator.Contract.Tests.Support.Runner;

namespace Rator.Contract.Tests.Unit.Tls;

/// <summary>SH-05's judgements over synthetic examinations: each clause fails alone, in plain words, with what to do.</summary>
public sealed class TlsQualityTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static readonly TlsExamination Good = SyntheticExaminations.Good(Now);

    [Test]
    public void A_good_deployment_passes_every_clause()
    {
        var all = new Action[]
        {
            () => TlsQuality.CheckIssuerTrusted(Good), () => TlsQuality.CheckWithinValidity(Good, Now), () => TlsQuality.CheckHostName(Good),
            () => TlsQuality.CheckCurrentProtocol(Good), () => TlsQuality.CheckLegacyProtocolsRefused(Good),
            () => TlsQuality.CheckRecommendedCipherSuite(Good), () => TlsQuality.CheckNotExpiringSoon(Good, 14, Now),
        };
        foreach (var check in all)
            check.Should().NotThrow();
        TlsQuality.GatingFindings(Good, Now).Should().BeNull();
    }

    [Test]
    public void An_untrusted_issuer_fails_its_clause_only_and_names_the_issuer_and_the_key()
    {
        var untrusted = Good with { Trust = new(false, null, true, X509ChainStatusFlags.PartialChain, "CN=Company Root CA") };

        FailureOf(() => TlsQuality.CheckIssuerTrusted(untrusted)).Should()
            .Contain("is issued by CN=Company Root CA").And.Contain("set tls.caFile to its PEM certificate").And.Contain("RFC 6749 §10.9");
        FailureOf(() => TlsQuality.CheckIssuerTrusted(untrusted, "RATOR_DISCOVER_CA_FILE")).Should().Contain("set RATOR_DISCOVER_CA_FILE");
        ((Action)(() => TlsQuality.CheckWithinValidity(untrusted, Now))).Should().NotThrow();
        ((Action)(() => TlsQuality.CheckHostName(untrusted))).Should().NotThrow();
    }

    [Test]
    public void An_expired_certificate_says_when_and_a_future_one_says_from_when()
    {
        var expired = Good with { Certificate = Good.Certificate! with { NotAfter = Now.UtcDateTime.AddDays(-3) } };
        var future = Good with { Certificate = Good.Certificate! with { NotBefore = Now.UtcDateTime.AddDays(2) } };

        FailureOf(() => TlsQuality.CheckWithinValidity(expired, Now)).Should().Contain("expired on 2026-12-04 12:00 UTC, 3 days ago").And.Contain("renew");
        FailureOf(() => TlsQuality.CheckWithinValidity(future, Now)).Should().Contain("valid only from 2026-12-09");
        ((Action)(() => TlsQuality.CheckNotExpiringSoon(expired, 14, Now))).Should().NotThrow("an expired certificate is the validity clause's failure, not a warning");
    }

    [Test]
    public void A_certificate_for_another_host_names_both()
    {
        var misnamed = Good with
        {
            Certificate = Good.Certificate! with { Names = ["wrong.example.com"] },
            Trust = Good.Trust! with { Trusted = false, NameMatches = false },
        };

        FailureOf(() => TlsQuality.CheckHostName(misnamed)).Should().Contain("is issued for wrong.example.com, not for staging.example.com");
        ((Action)(() => TlsQuality.CheckIssuerTrusted(misnamed))).Should().NotThrow("the issuer is trusted; the name is its own clause");
    }

    [TestCase(SslProtocols.Tls12, false)]
    [TestCase(SslProtocols.Tls13, false)]
#pragma warning disable SYSLIB0039
    [TestCase(SslProtocols.Tls11, true)]
    [TestCase(SslProtocols.Tls, true)]
#pragma warning restore SYSLIB0039
    public void Only_tls_1_2_and_1_3_pass_as_negotiated(SslProtocols protocol, bool fails)
    {
        var check = () => TlsQuality.CheckCurrentProtocol(Good with { Protocol = protocol });
        if (fails)
            FailureOf(check).Should().Contain("RFC 8996");
        else
            check.Should().NotThrow();
    }

    [Test]
    public void A_legacy_hello_accepted_fails_and_one_that_got_no_tls_answer_is_not_applicable_rather_than_passed()
    {
        FailureOf(() => TlsQuality.CheckLegacyProtocolsRefused(Good with { LegacyOffer = new TlsHello.Answer(TlsHello.Reply.ServerHello, 0x0301, 0xc014) }))
            .Should().Contain("answered a ServerHello choosing TLS 1.0").And.Contain("RFC 8996");
        ((Action)(() => TlsQuality.CheckLegacyProtocolsRefused(Good with { LegacyOffer = new TlsHello.Answer(TlsHello.Reply.Closed) }))).Should().NotThrow();
        ((Action)(() => TlsQuality.CheckLegacyProtocolsRefused(Good with { LegacyOffer = new TlsHello.Answer(TlsHello.Reply.NotTls, Detail: "HTTP/1.1") })))
            .Should().Throw<ScenarioNotApplicableException>().WithMessage("*could not be told*");
        ((Action)(() => TlsQuality.CheckLegacyProtocolsRefused(Good with { LegacyOffer = null, LegacyOfferFailure = "the proxy refused a tunnel" })))
            .Should().Throw<ScenarioNotApplicableException>().WithMessage("*the proxy refused a tunnel*");
    }

    [TestCase(SslProtocols.Tls13, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256, false)]
    [TestCase(SslProtocols.Tls13, TlsCipherSuite.TLS_AES_128_CCM_8_SHA256, true)]
    [TestCase(SslProtocols.Tls12, TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, false)]
    [TestCase(SslProtocols.Tls12, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, true)]
    [TestCase(SslProtocols.Tls12, TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256, true)]
    [TestCase(SslProtocols.Tls12, TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, true)]
    public void The_cipher_suite_is_judged_against_the_list_of_rfc_9325_for_its_protocol(SslProtocols protocol, TlsCipherSuite suite, bool warns)
    {
        var check = () => TlsQuality.CheckRecommendedCipherSuite(Good with { Protocol = protocol, CipherSuite = suite });
        if (warns)
            FailureOf(check).Should().Contain(protocol == SslProtocols.Tls13 ? "RFC 8446 §9.1" : "RFC 9325 §4.2").And.Contain(suite.ToString());
        else
            check.Should().NotThrow();
    }

    [Test]
    public void A_certificate_ending_within_the_warning_period_warns_with_its_date_and_none_warns_with_zero_days()
    {
        var soon = Good with { Certificate = Good.Certificate! with { NotAfter = Now.UtcDateTime.AddDays(10) } };

        FailureOf(() => TlsQuality.CheckNotExpiringSoon(soon, 14, Now)).Should().Contain("at least 14 days (tls.expiryWarningDays)").And.Contain("expires on 2026-12-17");
        ((Action)(() => TlsQuality.CheckNotExpiringSoon(soon, 7, Now))).Should().NotThrow();
        ((Action)(() => TlsQuality.CheckNotExpiringSoon(soon, 0, Now))).Should().NotThrow();
    }

    [Test]
    public void Without_a_certificate_the_certificate_clauses_are_skipped_and_the_protocol_clause_says_why()
    {
        var failed = Good with { HandshakeFailure = "no protocols in common", Certificate = null, Trust = null, Protocol = null, CipherSuite = null };

        ((Action)(() => TlsQuality.CheckIssuerTrusted(failed))).Should().Throw<ScenarioSkippedException>().WithMessage("*presented no certificate*");
        ((Action)(() => TlsQuality.CheckRecommendedCipherSuite(failed))).Should().Throw<ScenarioSkippedException>();
        FailureOf(() => TlsQuality.CheckCurrentProtocol(failed)).Should().Contain("it failed: no protocols in common");
    }

    [Test]
    public void No_connection_at_all_is_an_error_of_the_run_not_a_finding()
    {
        var unreachable = Good with { ConnectionFailure = "connection refused" };

        ((Action)(() => TlsQuality.CheckCurrentProtocol(unreachable))).Should().Throw<InvalidOperationException>().WithMessage("*could not be examined*");
        TlsQuality.GatingFindings(unreachable, Now).Should().BeNull();
    }

    private static string FailureOf(Action check) =>
        check.Should().Throw<NUnit.Framework.AssertionException>().Which.Message;
}
