using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rator.Sandbox.Tls;

/// <summary>
/// A certificate authority of the sandbox's own: ECDSA P-256 (fast to make, and the curve RFC 9325 §4.2 recommends),
/// kept as ca.pem and ca.key in a folder so that a sandbox started again later (a reproduction, a second terminal)
/// presents certificates the same <c>--cacert</c> trusts. It is never installed anywhere: whoever trusts it names
/// its file (curl's --cacert, the suite's tls.caFile).
/// </summary>
internal sealed class SandboxCertificateAuthority : IDisposable
{
    public const string CertificateFileName = "ca.pem";
    public const string KeyFileName = "ca.key";

    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    private SandboxCertificateAuthority(X509Certificate2 certificate, string? file)
    {
        Certificate = certificate;
        File = file;
    }

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Where its PEM certificate is (what to trust); null for a CA kept in memory only.</summary>
    public string? File { get; }

    /// <summary>
    /// The CA of <paramref name="directory"/>: the one written there earlier, or a new one written there now (the key
    /// readable by its owner only). A folder holding a broken or expired CA gets a new one.
    /// </summary>
    public static SandboxCertificateAuthority InDirectory(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var certificateFile = Path.Combine(directory, CertificateFileName);
        var keyFile = Path.Combine(directory, KeyFileName);
        if (TryLoad(certificateFile, keyFile) is { } kept)
            return new SandboxCertificateAuthority(kept, certificateFile);

        var made = Make(name);
        System.IO.File.WriteAllText(keyFile, "");
        if (!OperatingSystem.IsWindows())
            System.IO.File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using (var key = made.GetECDsaPrivateKey()!)
            System.IO.File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        System.IO.File.WriteAllText(certificateFile, made.ExportCertificatePem() + "\n");
        return new SandboxCertificateAuthority(made, certificateFile);
    }

    /// <summary>A CA that exists for one host only and is written nowhere: nobody can trust it.</summary>
    public static SandboxCertificateAuthority InMemory(string name) => new(Make(name), null);

    /// <summary>
    /// A server certificate for <paramref name="names"/> (DNS names and IP addresses alike), signed by this CA, valid
    /// from <paramref name="notBefore"/> to <paramref name="notAfter"/>, returned with its private key.
    /// </summary>
    public X509Certificate2 Issue(IReadOnlyList<string> names, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={names[0]}, O=Rator Sandbox"), key, HashAlgorithmName.SHA256);
        var alternativeNames = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name.Trim('[', ']'), out var address))
                alternativeNames.AddIpAddress(address);
            else
                alternativeNames.AddDnsName(name);
        }

        request.CertificateExtensions.Add(alternativeNames.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuthentication], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        // A certificate may not outlive its issuer, nor start before it.
        var from = notBefore < Certificate.NotBefore.ToUniversalTime() ? new DateTimeOffset(Certificate.NotBefore.ToUniversalTime()) : notBefore;
        var until = notAfter > Certificate.NotAfter.ToUniversalTime() ? new DateTimeOffset(Certificate.NotAfter.ToUniversalTime()) : notAfter;
        using var issued = request.Create(Certificate, from, until, SerialNumber());
        return Usable(issued.CopyWithPrivateKey(key));
    }

    /// <summary>
    /// A certificate with its key as every platform's TLS stack takes it: Windows refuses an ephemeral key, so there it
    /// goes through PKCS#12 (one PBKDF2 iteration: the bytes never leave the process); elsewhere it is used as made,
    /// since a PKCS#12 round trip costs tens of milliseconds a certificate.
    /// </summary>
    internal static X509Certificate2 Usable(X509Certificate2 withKey)
    {
        if (!OperatingSystem.IsWindows())
            return withKey;
        using (withKey)
            return X509CertificateLoader.LoadPkcs12(
                withKey.ExportPkcs12(new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1), null), null);
    }

    public void Dispose() => Certificate.Dispose();

    private static X509Certificate2 Make(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={name}, O=Rator Sandbox"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        // Back-dated a year, so that a certificate that expired long ago (a defect) can still come from it.
        return Usable(request.CreateSelfSigned(now.AddDays(-365), now.AddYears(5)));
    }

    private static X509Certificate2? TryLoad(string certificateFile, string keyFile)
    {
        if (!System.IO.File.Exists(certificateFile) || !System.IO.File.Exists(keyFile))
            return null;
        try
        {
            var pem = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
            var usable = pem.NotAfter.ToUniversalTime() > DateTime.UtcNow.AddDays(60)
                         && pem.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);
            if (usable)
                return Usable(pem);
            pem.Dispose();
            return null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive number, as RFC 5280 §4.1.2.2 asks
        return serial;
    }
}
