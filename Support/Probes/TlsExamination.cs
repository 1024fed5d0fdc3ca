using System.Globalization;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Rator.Contract.Tests.Support.Probes;

/// <summary>
/// What <see cref="TlsProbe"/> saw of a deployment's TLS: how it was reached, the certificate it presented with the
/// run's verdict on it, the protocol and cipher suite negotiated (or why the handshake failed), and how the server
/// answered a hello offering only TLS 1.0 and 1.1. The SH-05 judgements (Support/Assertions/TlsQuality) read it.
/// </summary>
public sealed record TlsExamination
{
    public required Uri Target { get; init; }

    /// <summary>"directly" or "through the proxy host:port (...)".</summary>
    public required string Route { get; init; }

    public DateTimeOffset ExaminedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>No connection (nor tunnel) could be opened: why; nothing else was seen.</summary>
    public string? ConnectionFailure { get; init; }

    /// <summary>The handshake of a current client (this machine's TLS defaults) failed: why.</summary>
    public string? HandshakeFailure { get; init; }

    public SslProtocols? Protocol { get; init; }
    public TlsCipherSuite? CipherSuite { get; init; }
    public PresentedCertificate? Certificate { get; init; }

    /// <summary>The run's verdict on the certificate (the machine's roots, then tls.caFile).</summary>
    public Api.ServerCertificateTrust.Verdict? Trust { get; init; }

    /// <summary>
    /// After a handshake that succeeded, the server closed the connection before any request: a TLS 1.3 server's way
    /// of refusing the client certificate presented, or the lack of one.
    /// </summary>
    public bool ClosedAfterHandshake { get; init; }

    /// <summary>The run presented a client certificate (tls.clientCertificate).</summary>
    public bool ClientCertificatePresented { get; init; }

    /// <summary>The answer to a hello offering only TLS 1.0 and 1.1; null when it could not be sent.</summary>
    public TlsHello.Answer? LegacyOffer { get; init; }

    /// <summary>Why the legacy hello could not be sent (no connection, a proxy that refused the tunnel).</summary>
    public string? LegacyOfferFailure { get; init; }

    public string Host => Target.IdnHost;

    /// <summary>A few lines for the scenario's output: everything the verdicts were drawn from.</summary>
    public string Describe()
    {
        var lines = new List<string> { $"TLS of {Target.Authority}, reached {Route}, examined {ExaminedAt:yyyy-MM-dd HH:mm:ss} UTC:" };
        if (ConnectionFailure is not null)
            return string.Join(Environment.NewLine, [.. lines, $"  no connection: {ConnectionFailure}"]);
        lines.Add(HandshakeFailure is null
            ? $"  negotiated {ProtocolName(Protocol)} with {CipherSuite}"
            : $"  the handshake failed: {HandshakeFailure}");
        if (Certificate is { } c)
        {
            lines.Add($"  certificate {c.Subject}, issued by {c.Issuer}, valid {Day(c.NotBefore)} to {Day(c.NotAfter)}, for {string.Join(", ", c.Names)}");
            lines.Add(Trust is { } t
                ? $"  trusted: {(t.Trusted ? $"yes, by {t.TrustedBy}" : "no")}; host name {(t.NameMatches ? "matches" : "does not match")}"
                  + (t.ProblemsText.Length > 0 ? $"; chain: {t.ProblemsText}" : "")
                : "  trusted: not judged");
        }

        lines.Add(ClientCertificatePresented ? "  a client certificate was presented (tls.clientCertificate)" : "  no client certificate was presented");
        if (ClosedAfterHandshake)
            lines.Add("  the server closed the connection right after the handshake, before any request");
        lines.Add(LegacyOffer is { } legacy ? $"  a hello offering only TLS 1.0 and 1.1 got {legacy}" : $"  a hello offering only TLS 1.0 and 1.1 could not be sent: {LegacyOfferFailure}");
        return string.Join(Environment.NewLine, lines);
    }

    public static string ProtocolName(SslProtocols? protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLS 1.3",
        SslProtocols.Tls12 => "TLS 1.2",
#pragma warning disable SYSLIB0039 // naming what a server negotiated
        SslProtocols.Tls11 => "TLS 1.1",
        SslProtocols.Tls => "TLS 1.0",
#pragma warning restore SYSLIB0039
        null => "nothing",
        { } other => other.ToString(),
    };

    public static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

/// <summary>The server certificate as presented: who it names, who issued it, when it is valid.</summary>
public sealed record PresentedCertificate(string Subject, string Issuer, DateTime NotBefore, DateTime NotAfter, IReadOnlyList<string> Names, string Thumbprint)
{
    public static PresentedCertificate Of(X509Certificate2 certificate)
    {
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>()
            .SelectMany(san => san.EnumerateDnsNames().Concat(san.EnumerateIPAddresses().Select(ip => ip.ToString()))).ToList();
        if (names.Count == 0)
            names.Add(certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        return new PresentedCertificate(certificate.Subject, certificate.Issuer, certificate.NotBefore.ToUniversalTime(),
            certificate.NotAfter.ToUniversalTime(), names, certificate.Thumbprint);
    }
}
