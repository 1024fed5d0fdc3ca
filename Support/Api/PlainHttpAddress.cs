using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// Where TE-02 sends credentials in clear: the plain-HTTP address the environment declares (tls.plainHttpBaseUrl), or,
/// for an https deployment on port 443, port 80 of the same host with the same app context, which is where a browser
/// or a careless client goes for http://. Any other port has no plain-HTTP counterpart one could guess: the TLS port
/// itself would only close a plain request, which proves nothing.
/// </summary>
public static class PlainHttpAddress
{
    /// <summary>The plain-HTTP base URL, with the app context and a trailing slash; or null with the reason there is none.</summary>
    public static (Uri? BaseUrl, string Reason) Of(EnvironmentProfile profile)
    {
        var target = profile.RequireBaseUrl();
        if (profile.Tls.PlainHttpOptedOut)
            return (null, "the environment declares that no credentials may be sent over plain HTTP (tls.plainHttpBaseUrl: null)");
        if (profile.Tls.PlainHttpBaseUrl is { } declared)
            return (declared, "declared in tls.plainHttpBaseUrl");
        if (target.Scheme == Uri.UriSchemeHttps && target.Port == 443)
            return (new UriBuilder(target) { Scheme = Uri.UriSchemeHttp, Port = 80 }.Uri, "port 80 of the https deployment's host");
        return (null, $"the deployment is served on port {target.Port}, which has no plain-HTTP counterpart to guess (the TLS port itself would only "
                      + "close a plain request, which proves nothing): declare the deployment's plain-HTTP address in tls.plainHttpBaseUrl");
    }

    /// <summary>The token endpoint at the plain-HTTP address.</summary>
    public static Uri TokenEndpoint(EnvironmentProfile profile) =>
        Of(profile).BaseUrl is { } plain
            ? new Uri(plain, profile.TokenEndpoint.Path.TrimStart('/'))
            : throw new InvalidOperationException($"No plain-HTTP address for TE-02: {Of(profile).Reason}.");
}
