using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Rator.Contract.Tests.Support.Probes;

/// <summary>
/// SH-05 (RFC 9325): connects to the deployment's TLS port and reports the negotiated protocol, the cipher
/// and whether the machine trusts the certificate. Bounded by the request timeout; nothing is sent.
/// </summary>
public static class TlsProbe
{
    public sealed record Findings(SslProtocols Protocol, TlsCipherSuite Cipher, SslPolicyErrors CertificateErrors, string Subject, DateTime NotAfter)
    {
        public bool ProtocolIsModern => Protocol is SslProtocols.Tls12 or SslProtocols.Tls13;
        public override string ToString() =>
            $"{Protocol}, {Cipher}, certificate '{Subject}' valid until {NotAfter:yyyy-MM-dd}, errors: {CertificateErrors}";
    }

    public static async Task<Findings> ExamineAsync(Uri target, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(target.Host, target.Port, cancel.Token);
        var errors = SslPolicyErrors.None;
        await using var tls = new SslStream(tcp.GetStream(), false, (_, _, _, e) =>
        {
            errors = e;
            return true; // look at everything, judge afterwards
        });
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = target.Host }, cancel.Token);
        var certificate = tls.RemoteCertificate is { } c ? X509CertificateLoader.LoadCertificate(c.GetRawCertData()) : null;
        return new Findings(tls.SslProtocol, tls.NegotiatedCipherSuite, errors, certificate?.Subject ?? "none", certificate?.NotAfter ?? DateTime.MinValue);
    }
}
