using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Probes;

namespace Rator.Contract.Tests.Unit.Tls;

/// <summary>TLS examinations made up for SH-05's judgements; tests change one clause of them with <c>with { … }</c>.</summary>
public static class SyntheticExaminations
{
    /// <summary>
    /// A deployment every clause of SH-05 accepts at <paramref name="now"/>: TLS 1.3 with an RFC 8446 suite, a certificate for its
    /// host from a company CA trusted through tls.caFile, valid for months, and a TLS 1.0/1.1-only hello refused with protocol_version.
    /// </summary>
    public static TlsExamination Good(DateTimeOffset now) => new()
    {
        Target = new Uri("https://staging.example.com/rator/"),
        Route = "directly",
        Protocol = SslProtocols.Tls13,
        CipherSuite = TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        Certificate = new PresentedCertificate("CN=staging.example.com", "CN=Company Root CA", now.UtcDateTime.AddDays(-30), now.UtcDateTime.AddDays(200),
            ["staging.example.com"], "AB"),
        Trust = new ServerCertificateTrust.Verdict(true, "tls.caFile (/etc/ca.pem)", true, X509ChainStatusFlags.NoError, null),
        LegacyOffer = new TlsHello.Answer(TlsHello.Reply.Alert, Alert: 70),
    };
}
