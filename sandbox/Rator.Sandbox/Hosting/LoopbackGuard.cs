using System.Net;

namespace Rator.Sandbox.Hosting;

/// <summary>
/// The sandbox's secrets are published fixtures, so it listens on loopback only unless the caller
/// explicitly allows remote addresses. Plain http only: TLS is the real deployment's business.
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
            if (!Uri.TryCreate(bindable, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp ||
                uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query))
                throw new SandboxConfigurationException(
                    $"Invalid URL '{url}': use http://host:port, for example http://127.0.0.1:5080.");
            if (!allowRemote && !IsLoopback(uri.Host))
                throw new SandboxConfigurationException(
                    $"Refusing to listen on '{url}': the sandbox binds to loopback only (use --allow-remote to override).");
        }
        return list;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
