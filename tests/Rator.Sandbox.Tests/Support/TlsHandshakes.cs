using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Rator.Sandbox.Tests.Support;

/// <summary>Handshakes with a host's https address, to see what its TLS presents: certificate, protocol, cipher suite.</summary>
public sealed class TlsHandshakes(SandboxHost host)
{
    /// <param name="Failure">Why the handshake failed; null when it succeeded.</param>
    public sealed record Seen(string? Failure, SslProtocols Protocol, TlsCipherSuite CipherSuite, X509Certificate2? Certificate, SslPolicyErrors Errors)
    {
        public bool Succeeded => Failure is null;
    }

    /// <param name="protocols">What the client offers; None: this machine's defaults.</param>
    /// <param name="targetHost">The name the client checks the certificate against.</param>
    public async Task<Seen> HandshakeAsync(SslProtocols protocols = SslProtocols.None, string targetHost = "127.0.0.1")
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, host.BaseUrl.Port);
        X509Certificate2? certificate = null;
        var errors = SslPolicyErrors.None;
        await using var tls = new SslStream(tcp.GetStream(), false, (_, presented, _, e) =>
        {
            certificate = presented is null ? null : X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
            errors = e;
            return true;
        });
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = targetHost, EnabledSslProtocols = protocols }, timeout.Token);
            return new Seen(null, tls.SslProtocol, tls.NegotiatedCipherSuite, certificate, errors);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
        {
            return new Seen(e.InnerException?.Message ?? e.Message, SslProtocols.None, default, certificate, errors);
        }
    }

    /// <summary>Whether the certificate chains to the host's declared CA (its validity period aside: that is another defect's).</summary>
    public bool IssuedByDeclaredCa(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(host.CertificateAuthority!);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        return chain.Build(certificate);
    }
}
