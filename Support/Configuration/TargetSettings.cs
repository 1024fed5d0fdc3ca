namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// What the suite talks to: a deployment's base URL (with its app context), or the embedded sandbox, whose URL is
/// only known once the run's first hook has started it (<see cref="EnvironmentProfile.WithBaseUrl"/>).
/// </summary>
public sealed record TargetSettings
{
    public bool EmbeddedSandbox { get; init; }

    /// <summary>Base URL including the app context, always ending with '/'; null until an embedded sandbox runs.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>How long a run waits for a deployment that became unavailable mid-run (target.unavailableWaitSeconds).</summary>
    public TimeSpan UnavailableWait { get; init; } = DefaultUnavailableWait;

    /// <summary>The schema's default for target.unavailableWaitSeconds.</summary>
    public static TimeSpan DefaultUnavailableWait { get; } =
        TimeSpan.FromSeconds(EnvironmentSchema.Default.IntegerDefault("target", "unavailableWaitSeconds"));

    /// <summary>
    /// The <c>target</c> section; null when it names no usable target (the problem is reported). Plain http:// is
    /// refused beyond loopback unless <paramref name="allowInsecure"/>: credentials would travel in clear.
    /// </summary>
    internal static TargetSettings? Read(SettingsNode? node, bool allowInsecure)
    {
        if (node is null)
            return null;

        var embedded = node.Bool("embeddedSandbox", EnvironmentSchema.Default.BooleanDefault("target", "embeddedSandbox"));
        var rawUrl = node.String("baseUrl");
        var unavailableWait = node.Int("unavailableWaitSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultUnavailableWait;
        if (embedded && rawUrl is null)
            return new TargetSettings { EmbeddedSandbox = true, UnavailableWait = unavailableWait };

        if (embedded || rawUrl is null || rawUrl.Length == 0 || rawUrl.Contains("${", StringComparison.Ordinal))
            return null; // the schema reported the shape; an unresolved variable is reported as missing

        if (!Uri.TryCreate(rawUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            node.Error("baseUrl", "not an absolute http:// or https:// URL");
            return null;
        }

        if (url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            node.Error("baseUrl", "must not carry a query, a fragment or user information");
            return null;
        }

        if (url.Scheme == Uri.UriSchemeHttp && !Api.ProxyRoute.IsLoopback(url) && !allowInsecure)
        {
            node.Error("baseUrl", $"plain http:// to the non-loopback host {url.Host} would send credentials in clear text; use https:// or set \"allowInsecureHttp\": true");
            return null;
        }

        return new TargetSettings { BaseUrl = EnvironmentProfile.WithTrailingSlash(url), UnavailableWait = unavailableWait };
    }
}
