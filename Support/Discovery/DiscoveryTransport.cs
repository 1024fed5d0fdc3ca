using System.Text.Json;
using System.Text.Json.Nodes;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Probes;

namespace Rator.Contract.Tests.Support.Discovery;

/// <summary>
/// How discovery reaches the deployment: the same keys a run reads (tls.caFile, tls.clientCertificate, proxy.url), given
/// as variables since there is no file yet, read and checked by the same settings records, and written into the draft
/// so that the run that follows reaches the deployment the same way. HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply as for a run.
/// </summary>
public sealed class DiscoveryTransport
{
    public const string CaFileVariable = "RATOR_DISCOVER_CA_FILE";
    public const string ClientCertificateVariable = "RATOR_DISCOVER_CLIENT_CERTIFICATE";
    public const string ClientKeyVariable = "RATOR_DISCOVER_CLIENT_KEY";
    public const string ClientCertificatePasswordVariable = "RATOR_DISCOVER_CLIENT_CERTIFICATE_PASSWORD";
    public const string ProxyVariable = "RATOR_DISCOVER_PROXY";

    private DiscoveryTransport(TlsSettings tls, ProxySettings proxy, JsonObject tlsSection, JsonObject? proxySection)
    {
        Tls = tls;
        Proxy = proxy;
        Transport = new HttpTransport(tls, proxy);
        TlsSection = tlsSection;
        ProxySection = proxySection;
    }

    public TlsSettings Tls { get; }
    public ProxySettings Proxy { get; }
    public HttpTransport Transport { get; }

    /// <summary>The draft's tls section: the given files (full paths), the password as the variable it came from.</summary>
    public JsonObject TlsSection { get; }

    /// <summary>The draft's proxy section, when a proxy was given; null: the variables decide, as they did here.</summary>
    public JsonObject? ProxySection { get; }

    /// <summary>The values to keep out of every line discovery prints (the client certificate's password).</summary>
    public IEnumerable<string> Secrets => new[] { Tls.ClientCertificate?.Password }.OfType<string>();

    /// <exception cref="DiscoveryUsageException">a file that is not there, a certificate that cannot be opened, a bad proxy URL.</exception>
    public static DiscoveryTransport FromVariables(Func<string, string?> variables)
    {
        string? Optional(string name) => variables(name) is { Length: > 0 } value ? value : null;
        var tls = new JsonObject();
        if (Optional(CaFileVariable) is { } caFile)
            tls["caFile"] = Path.GetFullPath(caFile);
        if (Optional(ClientCertificateVariable) is { } certificate)
        {
            var client = new JsonObject { ["certificate"] = Path.GetFullPath(certificate) };
            if (Optional(ClientKeyVariable) is { } key)
                client["key"] = Path.GetFullPath(key);
            if (Optional(ClientCertificatePasswordVariable) is not null)
                client["password"] = $"${{{ClientCertificatePasswordVariable}}}";
            tls["clientCertificate"] = client;
        }

        var proxy = Optional(ProxyVariable) is { } url ? new JsonObject { ["url"] = url } : null;
        var file = new JsonObject { ["tls"] = tls.DeepClone() };
        if (proxy is not null)
            file["proxy"] = proxy.DeepClone();

        using var document = JsonDocument.Parse(file.ToJsonString());
        var context = new SettingsReadContext(variables);
        var root = new SettingsNode(document.RootElement, "$", context);
        var tlsSettings = TlsSettings.Read(root.Object("tls"), Directory.GetCurrentDirectory());
        var proxySettings = ProxySettings.Read(root.Object("proxy"));
        if (context.Errors.Count > 0)
            throw new DiscoveryUsageException("Discovery cannot reach the deployment as asked (nothing was sent): "
                + string.Join("; ", context.Errors.Select(e => e.Replace("$.tls.caFile", CaFileVariable).Replace("$.tls.clientCertificate.certificate", ClientCertificateVariable)
                    .Replace("$.tls.clientCertificate.key", ClientKeyVariable).Replace("$.proxy.url", ProxyVariable))) + ".");
        return new DiscoveryTransport(tlsSettings, proxySettings, tls, proxy);
    }

    /// <summary>
    /// After a failed TLS handshake: what the TLS probe sees (it sends no credentials), in plain words with the variable
    /// to set, or what else to check when the certificate and the protocol are in order.
    /// </summary>
    public async Task<string> DiagnoseAsync(Uri url, TimeSpan timeout)
    {
        var examination = await new TlsProbe(Transport).ExamineAsync(url, timeout);
        if (TlsQuality.GatingFindings(examination, DateTimeOffset.UtcNow, CaFileVariable) is { } findings)
            return findings;
        if (examination.ConnectionFailure is { } failure)
            return $"No TLS connection could be made ({examination.Route}): {failure}.";
        return Tls.ClientCertificate is null
            ? $"The certificate and the protocol are in order; if the deployment demands a client certificate, set {ClientCertificateVariable} (and {ClientKeyVariable}, {ClientCertificatePasswordVariable} as needed)."
            : $"The certificate and the protocol are in order; the deployment may refuse the client certificate of {ClientCertificateVariable} ({Tls.ClientCertificate.Certificate.Subject}).";
    }
}
