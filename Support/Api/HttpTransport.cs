using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// How every request of a run reaches the deployment, built in this one place from the environment's <c>tls</c> and
/// <c>proxy</c> sections: the scenarios' client, the preflight, discovery, the TLS probe and the plain-HTTP probe all
/// trust the same CAs, present the same client certificate and take the same proxy.
/// </summary>
public sealed class HttpTransport
{
    public HttpTransport(TlsSettings tls, ProxySettings proxy)
    {
        Tls = tls;
        Proxy = ProxyRoute.For(proxy);
        Trust = new ServerCertificateTrust(tls);
    }

    public static HttpTransport For(EnvironmentProfile profile) => new(profile.Tls, profile.Proxy);

    public TlsSettings Tls { get; }
    public ProxyRoute Proxy { get; }
    public ServerCertificateTrust Trust { get; }

    public X509Certificate2? ClientCertificate => Tls.ClientCertificate?.Certificate;

    /// <summary>Sets up the handler RestSharp made: proxy, server certificate trust, client certificate.</summary>
    public void Configure(HttpClientHandler handler)
    {
        handler.UseProxy = true;
        handler.Proxy = Proxy;
        handler.ServerCertificateCustomValidationCallback = (_, certificate, chain, errors) => Trust.Accepts(certificate, chain, errors);
        if (ClientCertificate is { } certificate)
        {
            handler.ClientCertificateOptions = ClientCertificateOption.Manual;
            handler.ClientCertificates.Add(certificate);
        }
    }

    /// <summary>A handler of its own (discovery): no redirects followed, no cookies, the same trust, certificate and proxy.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = true,
        Proxy = Proxy,
        SslOptions = ClientOptions(null, (_, certificate, chain, errors) => Trust.Accepts(certificate as X509Certificate2, chain, errors)),
    };

    /// <summary>The TLS client options of a handshake of this run's own (the probe): the client certificate, the validation callback.</summary>
    public SslClientAuthenticationOptions ClientOptions(string? targetHost, RemoteCertificateValidationCallback validation) => new()
    {
        TargetHost = targetHost,
        RemoteCertificateValidationCallback = validation,
        ClientCertificates = ClientCertificate is { } certificate ? [certificate] : null,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
    };

    /// <summary>A connection to the host and port of <paramref name="target"/>, through the proxy's tunnel when the route takes one.</summary>
    public Task<Stream> ConnectAsync(Uri target, CancellationToken cancellation) =>
        ProxyTunnel.ConnectAsync(Proxy, target.IdnHost, target.Port, cancellation);

    /// <summary>"through the proxy proxy.example.com:3128 (proxy.url)" or "directly".</summary>
    public string Route(Uri target) => Proxy.Describe(target);
}
