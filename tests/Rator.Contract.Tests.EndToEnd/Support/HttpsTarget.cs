using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Rator.Sandbox;

namespace Rator.Contract.Tests.EndToEnd.Support;

/// <summary>
/// An https deployment for one test: the sandbox, started in this process on loopback with plain HTTP beside https,
/// from a CA of its own written into the test's scratch folder (never the machine's store), with whatever defect,
/// certificate names and client-certificate demand the test asks for; and the environment file a QA engineer would
/// write for it (environments/local.json's actors, aimed at it).
/// </summary>
public sealed class HttpsTarget : IAsyncDisposable
{
    private HttpsTarget(SandboxHost host, ScratchFolder scratch)
    {
        Host = host;
        Scratch = scratch;
    }

    public SandboxHost Host { get; }
    public ScratchFolder Scratch { get; }

    /// <summary>The CA a client must trust: written by the sandbox into the scratch folder.</summary>
    public string CaFile => Host.CertificateAuthorityFile!;

    public static async Task<HttpsTarget> StartAsync(ScratchFolder scratch, string[]? defects = null, string[]? hostNames = null, string? clientCaFile = null) =>
        new(await SandboxHost.StartAsync(new SandboxOptions
        {
            Urls = "https://127.0.0.1:0;http://127.0.0.1:0",
            TlsDirectory = scratch.File("sandbox-ca"),
            TlsHostNames = hostNames ?? [],
            ClientCertificateAuthorityFile = clientCaFile,
            Defects = defects ?? [],
        }), scratch);

    /// <summary>local.json's actors aimed at this deployment under <paramref name="host"/>, with the tls section given (none when null).</summary>
    public JsonObject Environment(JsonObject? tls, string host = "127.0.0.1")
    {
        var environment = EnvironmentFiles.Local();
        environment["name"] = "e2e-https";
        environment["target"] = new JsonObject { ["baseUrl"] = $"https://{host}:{Host.BaseUrl.Port}/rator" };
        // local.json's lockable customer needs the embedded sandbox's administration: a deployment of its own has none.
        environment["principals"]!["BRAND1"]!.AsObject().Remove("lockableCustomer");
        environment["requestTimeoutSeconds"] = 10;
        if (tls is not null)
            environment["tls"] = tls;
        return environment;
    }

    /// <summary>The plain-HTTP address under <paramref name="host"/>, for tls.plainHttpBaseUrl.</summary>
    public string PlainHttpBaseUrl(string host = "127.0.0.1") => $"http://{host}:{Host.PlainHttpBaseUrl!.Port}/rator";

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>A client-certificate CA and the certificates it issues, as PEM (the key encrypted) and PKCS#12, in a scratch folder.</summary>
public sealed class ClientCertificates(ScratchFolder scratch)
{
    private readonly X509Certificate2 ca = MakeCa();

    public string CaFile => scratch.Write("client-ca.pem", ca.ExportCertificatePem());

    /// <summary>A PKCS#12 file protected by <paramref name="password"/>.</summary>
    public string Pkcs12(string subject, string password) => WriteBytes($"{Name(subject)}.p12", Issue(subject).Export(X509ContentType.Pkcs12, password));

    /// <summary>A PEM certificate and its PKCS#8 key encrypted with <paramref name="password"/>.</summary>
    public (string Certificate, string Key) Pem(string subject, string password)
    {
        using var certificate = Issue(subject);
        using var key = certificate.GetECDsaPrivateKey()!;
        var encrypted = key.ExportEncryptedPkcs8PrivateKeyPem(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000));
        return (scratch.Write($"{Name(subject)}.pem", certificate.ExportCertificatePem()), scratch.Write($"{Name(subject)}.key", encrypted));
    }

    private X509Certificate2 Issue(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), RandomNumberGenerator.GetBytes(12));
        return issued.CopyWithPrivateKey(key);
    }

    private string WriteBytes(string name, byte[] content)
    {
        var file = scratch.File(name);
        File.WriteAllBytes(file, content);
        return file;
    }

    private static string Name(string subject) => new(subject.Where(char.IsAsciiLetterOrDigit).ToArray());

    private static X509Certificate2 MakeCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=E2E Client CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }
}
