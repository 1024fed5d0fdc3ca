namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// The environment's <c>proxy</c> section. Absent: the variables HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY decide,
/// as .NET reads them. Present: the file decides, whatever the variables say: <c>url</c> the proxy every request goes
/// through (null: none at all), <c>noProxy</c> the hosts reached directly (an exact name, or ".example.com" for every
/// name under it, or "*"). Loopback addresses are always reached directly (Support/Api/ProxyRoute).
/// </summary>
public sealed record ProxySettings
{
    /// <summary>No proxy section: the process environment's variables decide.</summary>
    public static ProxySettings FromEnvironment { get; } = new();

    /// <summary>The file has a proxy section.</summary>
    public bool Declared { get; init; }

    /// <summary>The declared proxy; null with <see cref="Declared"/>: no proxy, even where the variables name one.</summary>
    public Uri? Url { get; init; }

    public IReadOnlyList<string> NoProxy { get; init; } = [];

    internal static ProxySettings Read(SettingsNode? node)
    {
        if (node is null)
            return FromEnvironment;

        var noProxy = node.StringList("noProxy") ?? [];
        if (node.IsNull("url") || node.String("url") is not { Length: > 0 } raw || raw.Contains("${", StringComparison.Ordinal))
            return new ProxySettings { Declared = true, NoProxy = noProxy };

        if (!Uri.TryCreate(raw, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.AbsolutePath != "/" || url.Query.Length > 0)
        {
            node.Error("url", "not a proxy address such as http://proxy.example.com:3128 (http://, a host and a port, no path)");
            return new ProxySettings { Declared = true, NoProxy = noProxy };
        }

        if (url.UserInfo.Length > 0)
        {
            node.Error("url", "must not carry credentials: a proxy that needs them is given as HTTPS_PROXY=http://user:password@host:port, which .NET reads");
            return new ProxySettings { Declared = true, NoProxy = noProxy };
        }

        return new ProxySettings { Declared = true, Url = url, NoProxy = noProxy };
    }
}
