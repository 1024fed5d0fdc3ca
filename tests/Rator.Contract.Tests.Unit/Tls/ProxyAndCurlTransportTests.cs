using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Unit.Tls;

/// <summary>Which requests take the proxy, and the curl options that take the same way with the same CA and certificate.</summary>
public sealed class ProxyAndCurlTransportTests
{
    private static readonly ProxySettings Company = new()
    {
        Declared = true, Url = new Uri("http://proxy.example.com:3128"), NoProxy = ["internal.example.com", ".corp.example.com"],
    };

    [TestCase("https://staging.example.com/rator/", "http://proxy.example.com:3128/")]
    [TestCase("http://staging.example.com/rator/", "http://proxy.example.com:3128/")]
    [TestCase("https://internal.example.com/", null)]
    [TestCase("https://api.corp.example.com/", null)]
    [TestCase("https://corp.example.com/", null)]
    [TestCase("https://127.0.0.1:8443/", null)]
    [TestCase("https://localhost:8443/", null)]
    [TestCase("https://[::1]:8443/", null)]
    public void A_declared_proxy_takes_every_host_but_no_proxy_s_and_loopback(string target, string? proxy)
    {
        ProxyRoute.For(Company).For(new Uri(target))?.AbsoluteUri.Should().Be(proxy);
        ProxyRoute.For(Company).IsBypassed(new Uri(target)).Should().Be(proxy is null);
    }

    [Test]
    public void A_proxy_section_with_url_null_means_none_at_all()
    {
        var none = ProxyRoute.For(new ProxySettings { Declared = true });

        none.For(new Uri("https://staging.example.com/")).Should().BeNull();
        none.IsBypassedByAll.Should().BeTrue();
        none.Describe(new Uri("https://staging.example.com/")).Should().Be("directly");
    }

    [Test]
    public void Curl_gets_the_ca_the_pkcs12_certificate_with_its_password_and_the_proxy()
    {
        var curl = CurlTransport.For(Profile(new TlsSettings
        {
            CaFile = "/etc/company-ca.pem",
            ClientCertificate = Client("/secrets/qa.p12", key: null, password: "p12-pass"),
        }, Company));

        curl.For(new Uri("https://staging.example.com/rator/oauth/token")).Should().Equal(
            ("--cacert", "/etc/company-ca.pem"), ("--cert-type", "P12"), ("--cert", "/secrets/qa.p12:p12-pass"), ("--proxy", "http://proxy.example.com:3128"));
        curl.For(new Uri("http://staging.example.com/rator/oauth/token")).Should().Equal([("--proxy", "http://proxy.example.com:3128")],
            "plain HTTP has no TLS options, only the proxy");
        curl.For(new Uri("https://internal.example.com/")).Should().Contain(("--noproxy", "*"), "the run went direct although a proxy is set");
    }

    [Test]
    public void Curl_gets_a_pem_certificate_its_key_and_the_key_s_password()
    {
        var curl = CurlTransport.For(Profile(new TlsSettings { ClientCertificate = Client("/secrets/qa.pem", "/secrets/qa.key", "key-pass") }, ProxySettings.FromEnvironment));

        curl.For(new Uri("https://staging.example.com/")).Should().StartWith([("--cert", "/secrets/qa.pem"), ("--key", "/secrets/qa.key"), ("--pass", "key-pass")]);
    }

    [Test]
    public void The_password_reaches_the_command_only_as_the_variable_the_environment_names()
    {
        var profile = Profile(new TlsSettings { ClientCertificate = Client("/secrets/qa.pem", "/secrets/qa.key", "key-pass-7Zk") }, new ProxySettings { Declared = true });
        var variables = new ShellVariables([new ShellVariables.Variable("QA_CLIENT_KEY_PASSWORD", "key-pass-7Zk", "set QA_CLIENT_KEY_PASSWORD")]);
        var exchange = new CapturedExchange
        {
            Purpose = "a sign-in", Method = "GET", Url = "https://staging.example.com/rator/api/x", RequestHeaders = [], StartedAt = DateTimeOffset.UtcNow,
        };

        var command = CurlCommand.Build(exchange, 1, [], variables, [], CurlTransport.For(profile));

        command.Should().Contain("--pass \"${QA_CLIENT_KEY_PASSWORD}\"").And.Contain("# Needs: QA_CLIENT_KEY_PASSWORD.").And.NotContain("key-pass-7Zk");
    }

    private static ClientCertificateSettings Client(string file, string? key, string? password) =>
        new() { CertificateFile = file, KeyFile = key, Password = password, Certificate = TestCertificates.Ca("unused") };

    private static EnvironmentProfile Profile(TlsSettings tls, ProxySettings proxy) =>
        Configuration.RepositoryEnvironments.Local(new SecretRedactor(), new Uri("https://staging.example.com/rator/")) with { Tls = tls, Proxy = proxy };
}
