using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Unit.Tls;

namespace Rator.Contract.Tests.Unit.Configuration;

/// <summary>The tls and proxy sections: read by their settings records, checked when the file loads, secrets kept secret.</summary>
public sealed class TlsAndProxySettingsTests
{
    private string folder = null!;

    [SetUp]
    public void MakeFolder() => folder = Directory.CreateTempSubdirectory("rator-tls-settings-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Without_the_sections_the_machine_s_roots_and_the_proxy_variables_decide_and_the_warning_is_the_schema_s_14_days()
    {
        var profile = Load("");

        profile.Tls.CaFile.Should().BeNull();
        profile.Tls.ExpiryWarningDays.Should().Be(14).And.Be(EnvironmentSchema.Default.DefaultOf("tls", "expiryWarningDays")!.GetValue<int>());
        profile.Proxy.Should().Be(ProxySettings.FromEnvironment);
    }

    [Test]
    public void A_ca_file_is_read_relative_to_the_environment_file_and_its_certificates_trusted()
    {
        using var ca = TestCertificates.Ca("Company Root CA");
        TestCertificates.WritePem(ca, folder, "company-ca.pem");

        var profile = Load("""
            "tls": { "caFile": "company-ca.pem", "plainHttpBaseUrl": "http://staging.example.com/rator", "expiryWarningDays": 30 },
            """);

        profile.Tls.CaFile.Should().Be(Path.Combine(folder, "company-ca.pem"));
        profile.Tls.TrustedAuthorities.Should().ContainSingle().Which.Subject.Should().Be("CN=Company Root CA");
        profile.Tls.PlainHttpBaseUrl.Should().Be(new Uri("http://staging.example.com/rator/"));
        profile.Tls.ExpiryWarningDays.Should().Be(30);
    }

    [Test]
    public void Every_file_problem_is_named_with_its_key_before_anything_is_sent()
    {
        File.WriteAllText(Path.Combine(folder, "not-pem.pem"), "hello");

        var problems = Fail("""
            "tls": { "caFile": "not-pem.pem", "clientCertificate": { "certificate": "missing.p12" }, "plainHttpBaseUrl": "https://x/rator" },
            "proxy": { "url": "http://user:pw@proxy.example.com:3128" },
            """).Problems;

        problems.Should().Contain(p => p.StartsWith("$.tls.caFile:") && p.Contains("holds no PEM certificate"));
        problems.Should().Contain(p => p.StartsWith("$.tls.clientCertificate.certificate:") && p.Contains("no file at"));
        problems.Should().Contain(p => p.StartsWith("$.tls.plainHttpBaseUrl:") && p.Contains("http://"));
        problems.Should().Contain(p => p.StartsWith("$.proxy.url:") && p.Contains("HTTPS_PROXY"));
    }

    [Test]
    public void A_pkcs12_client_certificate_opens_with_the_password_of_its_variable_which_is_a_secret()
    {
        File.WriteAllBytes(Path.Combine(folder, "qa.p12"), ClientCertificate().Export(X509ContentType.Pkcs12, "P12-secret-4Hq"));
        var redactor = new SecretRedactor();

        var profile = Load("""
            "tls": { "clientCertificate": { "certificate": "qa.p12", "password": "${QA_P12_PASSWORD}" } },
            """, redactor, new() { ["QA_P12_PASSWORD"] = "P12-secret-4Hq" });

        profile.Tls.ClientCertificate!.Certificate.HasPrivateKey.Should().BeTrue();
        profile.Tls.ClientCertificate.IsPkcs12.Should().BeTrue();
        profile.SecretVariables.Should().Contain(s => s.Name == "${QA_P12_PASSWORD}");
        redactor.Redact("password P12-secret-4Hq").Should().NotContain("P12-secret-4Hq");
    }

    [Test]
    public void A_wrong_password_is_said_without_the_password()
    {
        File.WriteAllBytes(Path.Combine(folder, "qa.p12"), ClientCertificate().Export(X509ContentType.Pkcs12, "right-one"));

        var error = Fail("""
            "tls": { "clientCertificate": { "certificate": "qa.p12", "password": "${QA_P12_PASSWORD}" } },
            """, new() { ["QA_P12_PASSWORD"] = "Wrong-Guess-8Rt" });

        error.Problems.Should().ContainSingle(p => p.StartsWith("$.tls.clientCertificate.certificate:") && p.Contains("cannot be opened with the password"));
        error.Message.Should().NotContain("Wrong-Guess-8Rt");
    }

    [Test]
    public void A_pem_certificate_with_its_encrypted_key_opens_and_a_certificate_without_a_key_is_refused()
    {
        using var client = ClientCertificate();
        File.WriteAllText(Path.Combine(folder, "qa.pem"), client.ExportCertificatePem());
        using (var key = client.GetECDsaPrivateKey()!)
            File.WriteAllText(Path.Combine(folder, "qa.key"),
                key.ExportEncryptedPkcs8PrivateKeyPem("key-pass", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000)));

        Load("""
            "tls": { "clientCertificate": { "certificate": "qa.pem", "key": "qa.key", "password": "${QA_KEY_PASSWORD}" } },
            """, variables: new() { ["QA_KEY_PASSWORD"] = "key-pass" }).Tls.ClientCertificate!.Certificate.HasPrivateKey.Should().BeTrue();
        Fail("""
            "tls": { "clientCertificate": { "certificate": "qa.pem" } },
            """).Problems.Should().Contain(p => p.StartsWith("$.tls.clientCertificate."));
    }

    [Test]
    public void Plain_http_can_be_forbidden_and_a_proxy_declared_or_declared_absent()
    {
        Load("""
            "tls": { "plainHttpBaseUrl": null },
            """).Tls.PlainHttpOptedOut.Should().BeTrue();
        Load("""
            "proxy": { "url": "http://proxy.example.com:3128", "noProxy": ["internal.example.com"] },
            """).Proxy.Should().BeEquivalentTo(new { Declared = true, Url = new Uri("http://proxy.example.com:3128"), NoProxy = new[] { "internal.example.com" } });
        Load("""
            "proxy": { "url": null },
            """).Proxy.Should().BeEquivalentTo(new { Declared = true, Url = (Uri?)null });
    }

    private static X509Certificate2 ClientCertificate()
    {
        using var ca = TestCertificates.Ca("Client CA");
        return TestCertificates.Server(ca, ["qa-suite"]);
    }

    private EnvironmentProfile Load(string extra, SecretRedactor? redactor = null, Dictionary<string, string>? variables = null) =>
        Loader(redactor, variables).Parse(Minimal(extra), "test", Path.Combine(folder, "test.json"));

    private EnvironmentConfigurationException Fail(string extra, Dictionary<string, string>? variables = null)
    {
        var act = () => Load(extra, variables: variables);
        return act.Should().Throw<EnvironmentConfigurationException>().Which;
    }

    private static EnvironmentLoader Loader(SecretRedactor? redactor, Dictionary<string, string>? variables) =>
        new(redactor ?? new SecretRedactor(), Path.GetTempPath(), n => variables is not null && variables.TryGetValue(n, out var v) ? v : null);

    private static string Minimal(string extra) => "{" + extra + """
          "target": { "baseUrl": "https://rator.example.com/rator" },
          "brands": { "primary": "BRAND1" },
          "clients": { "primary": { "id": "a", "secret": "s3cret-value" } }
        }
        """;
}
