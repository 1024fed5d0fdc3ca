using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// The environment's <c>tls</c> section: the CA certificates trusted in addition to the machine's roots (a company CA),
/// the client certificate the deployment may demand, the plain-HTTP address TE-02 tries, and how many days before its
/// end a certificate starts to warn. Files are read (and checked) when the environment loads, so a wrong path or
/// password stops the run before anything is sent. Paths are relative to the environment file's folder.
/// </summary>
public sealed record TlsSettings
{
    /// <summary>The schema's default of <c>tls.expiryWarningDays</c>.</summary>
    public static int DefaultExpiryWarningDays { get; } = EnvironmentSchema.Default.DefaultOf("tls", "expiryWarningDays")?.GetValue<int>() ?? 14;

    /// <summary><c>tls.caFile</c> as a full path; null when the machine's roots are all the run trusts.</summary>
    public string? CaFile { get; init; }

    /// <summary>The certificates of <see cref="CaFile"/>.</summary>
    public IReadOnlyList<X509Certificate2> TrustedAuthorities { get; init; } = [];

    public ClientCertificateSettings? ClientCertificate { get; init; }

    /// <summary><c>tls.plainHttpBaseUrl</c>: where to try plain HTTP (TE-02), with the app context; null: derived or none.</summary>
    public Uri? PlainHttpBaseUrl { get; init; }

    /// <summary><c>"tls.plainHttpBaseUrl": null</c>: credentials must never be sent in clear, so TE-02 is not tried.</summary>
    public bool PlainHttpOptedOut { get; init; }

    public int ExpiryWarningDays { get; init; } = DefaultExpiryWarningDays;

    /// <summary>These settings with the certificates of <paramref name="caFile"/> trusted too (the embedded sandbox's own CA).</summary>
    public TlsSettings Trusting(string caFile) =>
        this with { CaFile = caFile, TrustedAuthorities = [.. TrustedAuthorities, .. ReadAuthorities(caFile) ?? []] };

    internal static TlsSettings Read(SettingsNode? node, string baseDirectory)
    {
        var settings = new TlsSettings();
        if (node is null)
            return settings;

        if (node.String("caFile") is { Length: > 0 } caFile)
        {
            var path = Path.GetFullPath(caFile, baseDirectory);
            if (ReadAuthorities(path) is { Count: > 0 } authorities)
                settings = settings with { CaFile = path, TrustedAuthorities = authorities };
            else
                node.Error("caFile", File.Exists(path)
                    ? $"{path} holds no PEM certificate (-----BEGIN CERTIFICATE-----): give the CA's certificate in PEM"
                    : $"no file at {path} (a path relative to the environment file's folder, or absolute)");
        }

        if (node.Object("clientCertificate") is { } client)
            settings = settings with { ClientCertificate = ClientCertificateSettings.Read(client, baseDirectory) };

        if (node.IsNull("plainHttpBaseUrl"))
            settings = settings with { PlainHttpOptedOut = true };
        else if (node.String("plainHttpBaseUrl") is { Length: > 0 } plain && !plain.Contains("${", StringComparison.Ordinal))
        {
            if (Uri.TryCreate(plain, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp && url.Query.Length == 0 && url.UserInfo.Length == 0)
                settings = settings with { PlainHttpBaseUrl = EnvironmentProfile.WithTrailingSlash(url) };
            else
                node.Error("plainHttpBaseUrl", "not an absolute http:// URL without query or user information (the deployment's plain-HTTP address with its app context)");
        }

        return settings with { ExpiryWarningDays = node.Int("expiryWarningDays") ?? DefaultExpiryWarningDays };
    }

    private static IReadOnlyList<X509Certificate2>? ReadAuthorities(string path)
    {
        if (!File.Exists(path))
            return null;
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return [];
        }

        return [.. certificates];
    }
}

/// <summary>
/// <c>tls.clientCertificate</c>: a PEM certificate with its PEM key (in the same file or in <c>key</c>), or a PKCS#12 file
/// (.p12/.pfx), the password a <c>${VARIABLE}</c>. Loaded once; the password is a secret like any other.
/// </summary>
public sealed record ClientCertificateSettings
{
    public required string CertificateFile { get; init; }
    public string? KeyFile { get; init; }

    /// <summary>The password of the key or of the PKCS#12 file; registered with the redactor, never printed.</summary>
    public string? Password { get; init; }

    /// <summary>The certificate with its private key, ready to present.</summary>
    public required X509Certificate2 Certificate { get; init; }

    public bool IsPkcs12 => IsPkcs12File(CertificateFile);

    internal static ClientCertificateSettings? Read(SettingsNode node, string baseDirectory)
    {
        var certificate = node.String("certificate");
        var key = node.String("key");
        var password = node.String("password", secret: true);
        if (certificate is not { Length: > 0 } || certificate.Contains("${", StringComparison.Ordinal) || password?.Contains("${", StringComparison.Ordinal) == true)
            return null; // the schema or the variable resolver reported it

        var certificatePath = Path.GetFullPath(certificate, baseDirectory);
        var keyPath = key is { Length: > 0 } ? Path.GetFullPath(key, baseDirectory) : null;
        foreach (var (field, path) in new[] { ("certificate", certificatePath), ("key", keyPath) })
        {
            if (path is not null && !File.Exists(path))
            {
                node.Error(field, $"no file at {path} (a path relative to the environment file's folder, or absolute)");
                return null;
            }
        }

        try
        {
            var loaded = Load(certificatePath, keyPath, password);
            if (!loaded.HasPrivateKey)
            {
                node.Error("key", $"{certificatePath} holds a certificate without its private key: give the PEM key in key (or a PKCS#12 file)");
                return null;
            }

            return new ClientCertificateSettings { CertificateFile = certificatePath, KeyFile = keyPath, Password = password, Certificate = loaded };
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            // The exception text may quote the file's content, never the password: the reason stays generic.
            node.Error("certificate", password is null
                ? $"{certificatePath} cannot be read as a certificate with its key (PEM or PKCS#12); if the key is encrypted, give its password as a ${{VARIABLE}} in password"
                : $"{certificatePath} cannot be opened with the password given in password (or is not a PEM or PKCS#12 certificate with its key)");
            return null;
        }
    }

    private static X509Certificate2 Load(string certificatePath, string? keyPath, string? password)
    {
        if (IsPkcs12File(certificatePath))
            return X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password);
        using var pem = password is null
            ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, password, keyPath);
        // Through PKCS#12: every platform's TLS stack then accepts the key for a handshake.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    private static bool IsPkcs12File(string path) =>
        path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase);
}
