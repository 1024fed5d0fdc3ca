using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Unit.Tls;

/// <summary>tls.caFile adds trust and relaxes nothing else: the chain as the machine builds it, then over the declared CA.</summary>
public sealed class ServerCertificateTrustTests
{
    private static readonly X509Certificate2 Company = TestCertificates.Ca("Company Root CA");
    private static readonly X509Certificate2 Stranger = TestCertificates.Ca("Stranger CA");
    private static readonly ServerCertificateTrust Declared = new(new TlsSettings { CaFile = "/etc/company-ca.pem", TrustedAuthorities = [Company] });

    [Test]
    public void A_certificate_from_the_declared_ca_is_trusted_by_tls_ca_file()
    {
        var verdict = Judge(Declared, TestCertificates.Server(Company, ["staging.example.com"]));

        verdict.Trusted.Should().BeTrue();
        verdict.TrustedBy.Should().Be("tls.caFile (/etc/company-ca.pem)");
        verdict.IssuerNotTrusted.Should().BeNull();
    }

    [Test]
    public void A_certificate_from_another_ca_is_refused_and_its_issuer_named()
    {
        var verdict = Judge(Declared, TestCertificates.Server(Stranger, ["staging.example.com"]));

        verdict.Trusted.Should().BeFalse();
        verdict.IssuerNotTrusted.Should().Be("CN=Stranger CA");
        new ServerCertificateTrust(new TlsSettings()).Accepts(TestCertificates.Server(Company, ["x"]), Chain(TestCertificates.Server(Company, ["x"])),
            SslPolicyErrors.RemoteCertificateChainErrors).Should().BeFalse("without tls.caFile only the machine's roots count");
    }

    [Test]
    public void An_expired_certificate_from_the_declared_ca_stays_refused_though_its_issuer_is_trusted()
    {
        var expired = TestCertificates.Server(Company, ["staging.example.com"], DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));

        var verdict = Judge(Declared, expired);

        verdict.Trusted.Should().BeFalse("the declared CA adds trust; it never excuses an expired certificate");
        verdict.IssuerNotTrusted.Should().BeNull("the issuer is trusted: the finding is the date, not the CA");
        verdict.Problems.Should().HaveFlag(X509ChainStatusFlags.NotTimeValid);
        verdict.OtherProblems.Should().Be(X509ChainStatusFlags.NoError);
    }

    [Test]
    public void A_name_mismatch_is_refused_whoever_issued_the_certificate()
    {
        var certificate = TestCertificates.Server(Company, ["wrong.example.com"]);

        var verdict = Declared.Judge(certificate, Chain(certificate), SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch);

        verdict.Trusted.Should().BeFalse();
        verdict.NameMatches.Should().BeFalse();
        verdict.TrustedBy.Should().StartWith("tls.caFile", "the chain itself is fine");
        Declared.Accepts(certificate, Chain(certificate), SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch).Should().BeFalse();
    }

    private static ServerCertificateTrust.Verdict Judge(ServerCertificateTrust trust, X509Certificate2 certificate) =>
        trust.Judge(certificate, Chain(certificate), SslPolicyErrors.RemoteCertificateChainErrors);

    /// <summary>The chain as the machine builds it for a server certificate: its roots only, no revocation check.</summary>
    private static X509Chain Chain(X509Certificate2 certificate)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.Build(certificate);
        return chain;
    }
}
