using System.Net;

namespace Rator.Sandbox.Hosting;

/// <summary>
/// The sandbox's secrets are published fixtures, so it listens on loopback only unless the caller
/// explicitly allows remote addresses. http, https, or one of each side by side.
/// </summary>
internal static class LoopbackGuard
{
    public static IReadOnlyList<string> Check(string urls, bool allowRemote)
    {
        var list = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (list.Length == 0) throw new SandboxConfigurationException("No URL to listen on.");
        foreach (var url in list)
        {
            var bindable = url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0");
            if (!Uri.TryCreate(bindable, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
                uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query))
                throw new SandboxConfigurationException(
                    $"Invalid URL '{url}': use http://host:port or https://host:port, for example http://127.0.0.1:5080.");
            if (!allowRemote && !IsLoopback(uri.Host))
                throw new SandboxConfigurationException(
                    $"Refusing to listen on '{url}': the sandbox binds to loopback only (use --allow-remote to override).");
        }
        // Beside https, the plain address is the one whose answers to credentials are judged (TE-02): there is one.
        if (list.Any(IsHttps) && (list.Count(IsHttps) > 1 || list.Count(u => !IsHttps(u)) > 1))
            throw new SandboxConfigurationException($"With https, listen on one https and at most one http address, not '{urls}'.");
        return list;
    }

    public static bool IsHttps(string url) => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
