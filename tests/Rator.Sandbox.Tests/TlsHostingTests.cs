using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Rator.Sandbox.Hosting;

namespace Rator.Sandbox.Tests;

/// <summary>The sandbox over https: its CA, the certificate files it is given, plain HTTP beside it, mutual TLS, the command line.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class TlsHostingTests
{
    [Test]
    public async Task Https_beside_plain_http_declares_both_addresses_and_the_ca_file()
    {
        using var folder = new TempFolder();
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Urls = RunningSandbox.HttpsBesidePlain, TlsDirectory = folder.Path });

        host.BaseUrl.Scheme.Should().Be("https");
        host.BaseUrl.AbsolutePath.Should().Be("/rator/");
        host.PlainHttpBaseUrl!.Scheme.Should().Be("http");
        host.PlainHttpBaseUrl.Port.Should().NotBe(host.BaseUrl.Port);
        host.PlainHttpBaseUrl.AbsolutePath.Should().Be("/rator/");
        host.CertificateAuthorityFile.Should().Be(Path.Combine(folder.Path, "ca.pem"));
        host.Declaration.CaFile.Should().Be(host.CertificateAuthorityFile);
        host.Declaration.PlainHttpBaseUrl.Should().Be(host.PlainHttpBaseUrl);
        File.Exists(Path.Combine(folder.Path, "ca.key")).Should().BeTrue();
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(Path.Combine(folder.Path, "ca.key")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Test]
    public async Task A_client_trusting_only_ca_pem_gets_a_token_over_https_by_every_loopback_name()
    {
        using var folder = new TempFolder();
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Urls = RunningSandbox.HttpsBesidePlain, TlsDirectory = folder.Path });
        var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(folder.Path, "ca.pem"));

        foreach (var name in new[] { "127.0.0.1", "localhost" })
        {
            using var http = TrustingOnly(ca);
            var client = new SandboxClient(http, new Uri($"https://{name}:{host.BaseUrl.Port}/rator/"));
            (await client.PasswordAsync(Fixtures.Alice)).AccessToken.Should().NotBeNull($"the certificate names {name} and comes from ca.pem");
        }
    }

    [Test]
    public async Task The_ca_of_a_folder_is_used_again_and_a_new_certificate_is_issued_from_it()
    {
        using var folder = new TempFolder();
        string firstCa, firstLeaf;
        await using (var first = await RunningSandbox.StartAsync(new SandboxOptions { Urls = RunningSandbox.HttpsBesidePlain, TlsDirectory = folder.Path }))
        {
            firstCa = first.Host.CertificateAuthority!.Thumbprint;
            firstLeaf = (await first.Tls.HandshakeAsync()).Certificate!.Thumbprint;
        }

        await using var second = await RunningSandbox.StartAsync(new SandboxOptions { Urls = RunningSandbox.HttpsBesidePlain, TlsDirectory = folder.Path });
        second.Host.CertificateAuthority!.Thumbprint.Should().Be(firstCa, "a ca.pem trusted once stays valid across starts");
        var leaf = (await second.Tls.HandshakeAsync()).Certificate!;
        leaf.Thumbprint.Should().NotBe(firstLeaf);
        second.Tls.IssuedByDeclaredCa(leaf).Should().BeTrue();
    }

    [Test]
    public async Task Without_a_folder_the_ca_stays_in_memory_and_is_declared_as_none()
    {
        await using var sandbox = await RunningSandbox.StartAsync();

        sandbox.Host.CertificateAuthority.Should().NotBeNull();
        sandbox.Host.CertificateAuthority!.HasPrivateKey.Should().BeFalse("the host hands out the CA to trust, never its key");
        sandbox.Host.CertificateAuthorityFile.Should().BeNull();
        sandbox.Host.Declaration.CaFile.Should().BeNull();
    }

    [Test]
    public async Task The_plain_http_address_refuses_credentials_as_keycloak_does_and_issues_nothing()
    {
        await using var sandbox = await RunningSandbox.StartAsync();

        var refused = await sandbox.Plain.PasswordAsync(Fixtures.Alice);
        refused.Status.Should().Be(403);
        (refused.Error, refused.Str("error_description")).Should().Be(("invalid_request", "HTTPS required"));
        refused.AccessToken.Should().BeNull();
        refused.Header("Cache-Control").Should().Be("no-store");
        (await sandbox.Client.PasswordAsync(Fixtures.Alice)).Status.Should().Be(200, "the https address serves as always");
    }

    [Test]
    public async Task A_host_serving_plain_http_alone_serves_it_as_before()
    {
        await using var sandbox = await RunningSandbox.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0/" });

        sandbox.Host.PlainHttpBaseUrl.Should().BeNull();
        sandbox.Host.CertificateAuthority.Should().BeNull();
        (await sandbox.Client.PasswordAsync(Fixtures.Alice)).Status.Should().Be(200);
    }

    [Test]
    public async Task The_compliant_host_speaks_tls_1_2_and_1_3_with_an_aead_suite_and_a_certificate_for_ninety_days()
    {
        await using var sandbox = await RunningSandbox.StartAsync();

        var current = await sandbox.Tls.HandshakeAsync();
        current.Protocol.Should().Be(SslProtocols.Tls13);
        current.CipherSuite.ToString().Should().Contain("_GCM_");
        current.Certificate!.NotAfter.ToUniversalTime().Should().BeAfter(DateTime.UtcNow.AddDays(80));
        current.Certificate.GetECDsaPublicKey().Should().NotBeNull("ECDSA P-256, as RFC 9325 §4.2 recommends");
        (await sandbox.Tls.HandshakeAsync(SslProtocols.Tls12)).Protocol.Should().Be(SslProtocols.Tls12);
    }

    [Test]
    public async Task Certificate_files_of_your_own_are_served_and_nothing_is_declared_to_trust()
    {
        using var folder = new TempFolder();
        var (certificateFile, keyFile) = folder.SelfSignedPem("CN=given.example");

        await using var sandbox = await RunningSandbox.StartAsync(new SandboxOptions
        {
            Urls = RunningSandbox.HttpsBesidePlain, TlsCertificateFile = certificateFile, TlsKeyFile = keyFile,
        });

        (await sandbox.Tls.HandshakeAsync()).Certificate!.Subject.Should().Be("CN=given.example");
        sandbox.Host.CertificateAuthority.Should().BeNull();
        sandbox.Host.Declaration.CaFile.Should().BeNull();
    }

    [Test]
    public async Task A_certificate_file_without_its_key_or_a_key_that_does_not_fit_is_refused_in_one_line()
    {
        using var folder = new TempFolder();
        var (certificateFile, _) = folder.SelfSignedPem("CN=given.example");
        var (_, otherKey) = folder.SelfSignedPem("CN=other.example");

        var alone = () => SandboxHost.StartAsync(new SandboxOptions { Urls = "https://127.0.0.1:0", TlsCertificateFile = certificateFile });
        (await alone.Should().ThrowAsync<SandboxConfigurationException>()).Which.Message.Should().Contain("--tls-key");
        var mismatched = () => SandboxHost.StartAsync(new SandboxOptions { Urls = "https://127.0.0.1:0", TlsCertificateFile = certificateFile, TlsKeyFile = otherKey });
        (await mismatched.Should().ThrowAsync<SandboxConfigurationException>()).Which.Message.Should().Contain("Cannot use the certificate");
    }

    [Test]
    public async Task With_a_client_ca_only_a_client_certificate_it_issued_gets_through()
    {
        using var folder = new TempFolder();
        using var clientCa = TempFolder.MakeCa("CN=Client CA");
        using var stranger = TempFolder.MakeCa("CN=Stranger CA");
        var clientCaFile = folder.Write("client-ca.pem", clientCa.ExportCertificatePem());
        await using var sandbox = await RunningSandbox.StartAsync(new SandboxOptions
        {
            Urls = RunningSandbox.HttpsBesidePlain, ClientCertificateAuthorityFile = clientCaFile,
        });

        (await TokenWith(sandbox, TempFolder.IssueClient(clientCa, "CN=qa-suite"))).Should().Be(HttpStatusCode.OK);
        (await TokenWith(sandbox, TempFolder.IssueClient(stranger, "CN=intruder"))).Should().BeNull("a certificate from another CA is refused in the handshake");
        (await TokenWith(sandbox, null)).Should().BeNull("no certificate, no connection");
    }

    [Test]
    public async Task The_command_line_serves_https_with_its_ca_in_the_folder_and_prints_how_to_trust_it()
    {
        using var folder = new TempFolder();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var code = await SandboxCommandLine.RunAsync(
            ["--urls", RunningSandbox.HttpsBesidePlain, "--tls-dir", folder.Path, "--tls-host", "staging.rator.test"], stdout, stderr, stop.Token);

        code.Should().Be(0, stderr.ToString());
        var output = stdout.ToString();
        output.Should().MatchRegex(@"listening on https://127\.0\.0\.1:\d+/rator/")
            .And.Contain($"curl --cacert {Path.Combine(folder.Path, "ca.pem")}")
            .And.Contain("staging.rator.test")
            .And.MatchRegex(@"plain HTTP: http://127\.0\.0\.1:\d+/rator/ \(refuses every request: 403 HTTPS required\)");
    }

    [Test]
    public void The_command_line_reads_every_tls_option_and_defaults_the_folder_for_https()
    {
        var (o, _, _, _) = SandboxCommandLine.Parse(
            ["--urls", "https://127.0.0.1:5443", "--tls-cert", "c.pem", "--tls-key=k.pem", "--tls-host", "a.test,b.test", "--tls-client-ca", "ca.pem"], new SandboxOptions());
        (o.TlsCertificateFile, o.TlsKeyFile, o.ClientCertificateAuthorityFile).Should().Be(("c.pem", "k.pem", "ca.pem"));
        o.TlsHostNames.Should().Equal("a.test", "b.test");

        SandboxCommandLine.Parse(["--urls", "https://127.0.0.1:5443"], new SandboxOptions()).Options.TlsDirectory
            .Should().Be(SandboxCommandLine.DefaultTlsDirectory, "a standalone sandbox keeps its CA in one place, so a trusted ca.pem stays valid");
        SandboxCommandLine.Parse(["--urls", "http://127.0.0.1:5080"], new SandboxOptions()).Options.TlsDirectory.Should().BeNull();
    }

    private static async Task<HttpStatusCode?> TokenWith(RunningSandbox sandbox, X509Certificate2? certificate)
    {
        using var handler = new SocketsHttpHandler { UseProxy = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        if (certificate is not null)
            handler.SslOptions.ClientCertificates = [certificate];
        using var http = new HttpClient(handler);
        try
        {
            var reply = await new SandboxClient(http, sandbox.Host.BaseUrl).PasswordAsync(Fixtures.Alice);
            return (HttpStatusCode)reply.Status;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static HttpClient TrustingOnly(X509Certificate2 ca)
    {
        var handler = new SocketsHttpHandler { UseProxy = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0 || certificate is null)
                return false;
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        return new HttpClient(handler);
    }

    /// <summary>A temp folder of the test's own, with the certificates it needs.</summary>
    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("rator-sandbox-tls-").FullName;

        public string Write(string name, string text)
        {
            var file = System.IO.Path.Combine(Path, name);
            File.WriteAllText(file, text);
            return file;
        }

        public (string Certificate, string Key) SelfSignedPem(string subject)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var certificate = new CertificateRequest(subject, key, HashAlgorithmName.SHA256)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            var name = subject[3..];
            return (Write($"{name}.pem", certificate.ExportCertificatePem()), Write($"{name}.key", key.ExportPkcs8PrivateKeyPem()));
        }

        public static X509Certificate2 MakeCa(string subject)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
            using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
        }

        public static X509Certificate2 IssueClient(X509Certificate2 ca, string subject)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
            using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), RandomNumberGenerator.GetBytes(12));
            using var withKey = issued.CopyWithPrivateKey(key);
            return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
