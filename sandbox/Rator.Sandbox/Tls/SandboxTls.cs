using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Rator.Sandbox.Defects;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox.Tls;

/// <summary>
/// What the sandbox's https listeners present: a certificate from the sandbox's own CA for the loopback names (or
/// the PEM files it was given), the protocols and cipher suites it accepts, and the client certificates it demands.
/// The TLS defects and variants change exactly one of these.
/// </summary>
internal sealed class SandboxTls : IDisposable
{
    /// <summary>The names every sandbox certificate carries: the loopback host in each spelling a client may use.</summary>
    public static readonly IReadOnlyList<string> LoopbackNames = ["localhost", "127.0.0.1", "::1"];

    /// <summary>The name on the certificate of the tls-wrong-host-name defect: a host that is not this one.</summary>
    public const string WrongHostName = "wrong.example.com";

    /// <summary>How long the ordinary certificate lives: well beyond any expiry warning a suite gives.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    /// <summary>How long the certificate of the tls-certificate-expiring-soon defect still lives.</summary>
    public static readonly TimeSpan ExpiringSoon = TimeSpan.FromDays(3);

    private readonly SandboxCertificateAuthority? authority;
    private readonly X509Certificate2Collection? clientAuthorities;

    private SandboxTls(X509Certificate2 serverCertificate, SandboxCertificateAuthority? authority, SslProtocols protocols,
        CipherSuitesPolicy? cipherSuites, X509Certificate2Collection? clientAuthorities, string description)
    {
        ServerCertificate = serverCertificate;
        this.authority = authority;
        Protocols = protocols;
        CipherSuites = cipherSuites;
        this.clientAuthorities = clientAuthorities;
        Description = description;
    }

    public X509Certificate2 ServerCertificate { get; }

    /// <summary>The CA a client must trust for this host (without its key); null when the certificate files were given.</summary>
    public X509Certificate2? TrustedAuthority => authority is null ? null : X509CertificateLoader.LoadCertificate(authority.Certificate.RawData);

    /// <summary>The PEM file of <see cref="TrustedAuthority"/>; null when it is kept in memory only.</summary>
    public string? TrustedAuthorityFile => authority?.File;

    /// <summary>TLS 1.2 and 1.3, unless a defect or variant says otherwise.</summary>
    public SslProtocols Protocols { get; }

    public CipherSuitesPolicy? CipherSuites { get; }

    public bool RequiresClientCertificate => clientAuthorities is not null;

    /// <summary>One line for the standalone sandbox's banner.</summary>
    public string Description { get; }

    public static SandboxTls Prepare(SandboxOptions options, ActiveDefects defects, ActiveVariants variants)
    {
        // Named, not left to the TLS library: a process whose OpenSSL was opened up for the legacy defect would
        // otherwise accept TLS 1.0 by default too.
        var protocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        CipherSuitesPolicy? cipherSuites = null;
        if (defects.Has(DefectNames.TlsLegacyProtocolsAccepted))
        {
            protocols = LegacyProtocols.Accepted;
            LegacyProtocols.RequireSupport();
        }
        else if (defects.Has(DefectNames.TlsWeakCipher))
        {
            // TLS 1.2 with CBC suites only: outside RFC 9325 §4.2's list (and without encrypt_then_mac, §4.2's SHOULD NOT).
            protocols = SslProtocols.Tls12;
            cipherSuites = WeakCiphers();
        }
        else if (variants.Has(VariantNames.Tls13Only))
        {
            protocols = SslProtocols.Tls13;
        }

        var clientAuthorities = options.ClientCertificateAuthorityFile is { } clientCa ? ReadAuthorities(clientCa, "the client certificate CA") : null;
        if (options.TlsCertificateFile is not null || options.TlsKeyFile is not null)
        {
            var given = LoadGiven(options.TlsCertificateFile, options.TlsKeyFile);
            return new SandboxTls(given, null, protocols, cipherSuites, clientAuthorities,
                $"certificate {given.Subject} from {options.TlsCertificateFile} (trust its issuer yourself)");
        }

        var authority = options.TlsDirectory is { } directory
            ? SandboxCertificateAuthority.InDirectory(directory, "Rator Sandbox CA")
            : SandboxCertificateAuthority.InMemory("Rator Sandbox CA");
        var names = LoopbackNames.Concat(options.TlsHostNames.Where(n => n.Length > 0)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var now = DateTimeOffset.UtcNow;
        var (from, until) = (now.AddMinutes(-5), now.Add(Lifetime));
        if (defects.Has(DefectNames.TlsCertificateExpired))
            (from, until) = (now.AddDays(-90), now.AddDays(-2));
        else if (defects.Has(DefectNames.TlsCertificateExpiringSoon))
            until = now.Add(ExpiringSoon);
        if (defects.Has(DefectNames.TlsWrongHostName))
            names = [WrongHostName];

        X509Certificate2 certificate;
        if (defects.Has(DefectNames.TlsUntrustedIssuer))
        {
            // Signed by a CA written nowhere, so nobody trusts it; the declared CA stays the sandbox's own.
            using var stranger = SandboxCertificateAuthority.InMemory("Rator Sandbox Untrusted CA");
            certificate = stranger.Issue(names, from, until);
        }
        else
        {
            certificate = authority.Issue(names, from, until);
        }

        var trust = authority.File is { } file ? $"trust {file} (curl --cacert {file})" : "its CA is kept in memory";
        return new SandboxTls(certificate, authority, protocols, cipherSuites, clientAuthorities,
            $"certificate for {string.Join(", ", names)} until {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}; {trust}"
            + (clientAuthorities is null ? "" : $"; client certificates from {options.ClientCertificateAuthorityFile} required"));
    }

    /// <summary>A client certificate the host accepts: issued by the configured client CA and valid now.</summary>
    public bool AcceptsClientCertificate(X509Certificate2 certificate)
    {
        if (clientAuthorities is null)
            return true;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(clientAuthorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        ServerCertificate.Dispose();
        authority?.Dispose();
    }

    private static X509Certificate2 LoadGiven(string? certificateFile, string? keyFile)
    {
        if (certificateFile is null || keyFile is null)
            throw new SandboxConfigurationException("A certificate of your own needs both files: --tls-cert (PEM certificate) and --tls-key (PEM private key).");
        try
        {
            return SandboxCertificateAuthority.Usable(X509Certificate2.CreateFromPemFile(certificateFile, keyFile));
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new SandboxConfigurationException($"Cannot use the certificate {certificateFile} with the key {keyFile}: {e.Message}", e);
        }
    }

    private static X509Certificate2Collection ReadAuthorities(string file, string what)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(file);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new SandboxConfigurationException($"Cannot read {what} {file}: {e.Message}", e);
        }

        return certificates.Count > 0 ? certificates : throw new SandboxConfigurationException($"{what} {file} holds no PEM certificate.");
    }

    private static CipherSuitesPolicy WeakCiphers()
    {
        if (OperatingSystem.IsWindows())
            throw new SandboxConfigurationException($"The defect {DefectNames.TlsWeakCipher} needs a TLS library that lets a server choose its cipher suites (OpenSSL); Windows' does not.");
        try
        {
            return new CipherSuitesPolicy([TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA]);
        }
        catch (PlatformNotSupportedException e)
        {
            throw new SandboxConfigurationException($"The defect {DefectNames.TlsWeakCipher} needs a TLS library that lets a server choose its cipher suites (OpenSSL; {e.Message}).", e);
        }
    }

    /// <summary>TLS 1.0 and 1.1: what the tls-legacy-protocols-accepted defect offers, where the TLS library still speaks them.</summary>
    internal static class LegacyProtocols
    {
#pragma warning disable SYSLIB0039 // TLS 1.0 and 1.1 are the defect
        public const SslProtocols Accepted = SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12 | SslProtocols.Tls13;
        private const SslProtocols Legacy = SslProtocols.Tls | SslProtocols.Tls11;
#pragma warning restore SYSLIB0039

        /// <summary>The file to point OPENSSL_CONF at so that OpenSSL 3 speaks TLS 1.0 and 1.1 (security level 0).</summary>
        public static string ConfigurationFile =>
            Path.Combine(Path.GetDirectoryName(typeof(SandboxTls).Assembly.Location) is { Length: > 0 } folder ? folder : AppContext.BaseDirectory, "Tls", "legacy-openssl.cnf");

        private static readonly Lazy<string?> Failure = new(TryHandshake);

        /// <summary>
        /// A defect that cannot be planted must not pass silently: a TLS 1.1 handshake with itself, in memory, tells
        /// whether this process's TLS library still speaks it (OpenSSL 3 does so only at security level 0).
        /// </summary>
        public static void RequireSupport()
        {
            if (Failure.Value is { } reason)
                throw new SandboxConfigurationException(
                    $"The defect {DefectNames.TlsLegacyProtocolsAccepted} needs TLS 1.0 and 1.1, which this process's TLS library refuses ({reason}). "
                    + $"With OpenSSL 3, start the process with OPENSSL_CONF={ConfigurationFile} (security level 0); the suite's matrices do.");
        }

        private static string? TryHandshake()
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            using var authority = SandboxCertificateAuthority.InMemory("Rator Sandbox legacy check");
            using var certificate = authority.Issue(["localhost"], DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
            listener.Start();
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                var server = Task.Run(async () =>
                {
                    using var accepted = await listener.AcceptTcpClientAsync(timeout.Token);
                    await using var tls = new SslStream(accepted.GetStream());
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate, EnabledSslProtocols = Accepted }, timeout.Token);
                });
                using var client = new System.Net.Sockets.TcpClient();
                client.Connect(IPAddress.Loopback, port);
                using var stream = new SslStream(client.GetStream(), false, (_, _, _, _) => true);
                stream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost", EnabledSslProtocols = Legacy }, timeout.Token)
                    .GetAwaiter().GetResult();
                server.GetAwaiter().GetResult();
                return null;
            }
            catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException or System.Net.Sockets.SocketException)
            {
                return e.InnerException?.Message ?? e.Message;
            }
        }
    }
}
