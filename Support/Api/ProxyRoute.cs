using System.Net;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// Which proxy a request takes, the one rule for every network path of a run: the environment's <c>proxy</c> section
/// when it has one, else HTTPS_PROXY/HTTP_PROXY/ALL_PROXY with NO_PROXY as .NET reads them. Loopback hosts are always
/// reached directly: a proxy on another machine cannot reach this one's 127.0.0.1 (and .NET itself would send them
/// to the proxy).
/// </summary>
public sealed class ProxyRoute : IWebProxy
{
    private readonly IWebProxy? inner;
    private readonly IReadOnlyList<string> noProxy;

    private ProxyRoute(IWebProxy? inner, IReadOnlyList<string> noProxy, string source)
    {
        this.inner = inner;
        this.noProxy = noProxy;
        Source = source;
    }

    /// <summary>Where the proxy came from, for messages: "proxy.url", "HTTPS_PROXY/HTTP_PROXY", or none.</summary>
    public string Source { get; }

    public static ProxyRoute For(ProxySettings settings) => settings switch
    {
        { Declared: true, Url: { } url } => new ProxyRoute(new WebProxy(url), settings.NoProxy, "proxy.url"),
        { Declared: true } => new ProxyRoute(null, [], "proxy.url: null"),
        // HttpClient.DefaultProxy is what .NET made of the variables (NO_PROXY included); an empty one bypasses everything.
        _ => new ProxyRoute(HttpClient.DefaultProxy, [], "HTTPS_PROXY/HTTP_PROXY"),
    };

    public ICredentials? Credentials
    {
        get => inner?.Credentials;
        set
        {
            if (inner is not null)
                inner.Credentials = value;
        }
    }

    /// <summary>The proxy for <paramref name="target"/>, or null when it is reached directly.</summary>
    public Uri? For(Uri target) => IsBypassed(target) ? null : inner?.GetProxy(target);

    public Uri? GetProxy(Uri destination) => For(destination);

    public bool IsBypassed(Uri host) =>
        inner is null || IsLoopback(host) || NoProxyMatches(host.IdnHost) || inner.IsBypassed(host) || inner.GetProxy(host) is null;

    /// <summary>No proxy is set at all (no proxy section and no proxy variable, or proxy.url: null).</summary>
    public bool IsBypassedByAll => inner is null || inner.GetProxy(new Uri("https://proxy-check.invalid/")) is null;

    /// <summary>"through the proxy proxy.example.com:3128 (proxy.url)" or "directly", for messages.</summary>
    public string Describe(Uri target) =>
        For(target) is { } proxy ? $"through the proxy {proxy.Authority} ({Source})" : "directly";

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || url.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                       || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    // NO_PROXY's own grammar, as .NET reads it: an exact host, ".suffix" for every name under it, "*" for all.
    private bool NoProxyMatches(string host) => noProxy.Any(entry =>
        entry == "*"
        || entry.Equals(host, StringComparison.OrdinalIgnoreCase)
        || (entry.StartsWith('.') && (host.EndsWith(entry, StringComparison.OrdinalIgnoreCase) || host.Equals(entry[1..], StringComparison.OrdinalIgnoreCase))));
}
