using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Evidence;

/// <summary>
/// The curl options that reach the deployment the way the run did (<see cref="HttpTransport"/>): <c>--cacert</c> for
/// tls.caFile, <c>--cert</c>/<c>--key</c> (or <c>--cert-type P12</c>) for tls.clientCertificate with its password as the
/// variable the file names, and <c>--proxy</c> (or <c>--noproxy '*'</c> where the run went direct although a proxy is
/// set) for the proxy the run took to that URL. Values are raw here; the command turns secrets into variables.
/// </summary>
public sealed class CurlTransport
{
    private readonly TlsSettings tls;
    private readonly ProxyRoute? proxy;

    private CurlTransport(TlsSettings tls, ProxyRoute? proxy)
    {
        this.tls = tls;
        this.proxy = proxy;
    }

    /// <summary>No options: curl as it comes (the suite's own tests of the command).</summary>
    public static CurlTransport None { get; } = new(new TlsSettings(), null);

    public static CurlTransport For(EnvironmentProfile profile) => new(profile.Tls, ProxyRoute.For(profile.Proxy));

    /// <summary>The options for a request to <paramref name="url"/>, each with its value (null for a bare flag).</summary>
    public IReadOnlyList<(string Option, string? Value)> For(Uri url)
    {
        var options = new List<(string, string?)>();
        if (url.Scheme == Uri.UriSchemeHttps)
        {
            if (tls.CaFile is { } caFile)
                options.Add(("--cacert", caFile));
            if (tls.ClientCertificate is { } client)
            {
                if (client.IsPkcs12)
                {
                    options.Add(("--cert-type", "P12"));
                    // curl reads "file:password"; the password becomes the variable the environment file names.
                    options.Add(("--cert", client.Password is null ? client.CertificateFile : $"{client.CertificateFile}:{client.Password}"));
                }
                else
                {
                    options.Add(("--cert", client.CertificateFile));
                    if (client.KeyFile is { } key)
                        options.Add(("--key", key));
                    if (client.Password is { } password)
                        options.Add(("--pass", password));
                }
            }
        }

        if (proxy?.For(url) is { } through)
            options.Add(("--proxy", new UriBuilder(through) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Authority)));
        else if (proxy is not null && !proxy.IsBypassedByAll)
            options.Add(("--noproxy", "*")); // the run went direct, although a proxy is set for other hosts
        return options;
    }

    /// <summary>A line for the command's head when the proxy wants credentials curl is not given here.</summary>
    public string? ProxyCredentialsNote(Uri url) =>
        proxy?.For(url) is { UserInfo.Length: > 0 } ? "# The proxy asks for credentials (as in HTTPS_PROXY): add --proxy-user USER:PASSWORD." : null;
}
