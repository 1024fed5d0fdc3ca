namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// One deployment under test, as its environment file (environments/*.json, schema in environments/README.md)
/// describes it: validated, with every <c>${VARIABLE}</c> resolved. Built by <see cref="EnvironmentLoader"/>.
/// </summary>
public sealed record EnvironmentProfile
{
    public required string Name { get; init; }
    public string? Description { get; init; }

    /// <summary>The file the profile came from, for messages; null when parsed from text.</summary>
    public string? SourcePath { get; init; }

    public required TargetSettings Target { get; init; }
    public bool AllowInsecureHttp { get; init; } = DefaultAllowInsecureHttp;
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>Bursts and concurrency probes (TE-11, PW-05, SH-06, SH-07) are allowed.</summary>
    public bool IntrusiveProbes { get; init; } = DefaultIntrusiveProbes;

    /// <summary>The longest a scenario may wait for a token to expire (maxExpiryWaitSeconds); beyond it, SKIPPED.</summary>
    public TimeSpan MaxExpiryWait { get; init; } = DefaultMaxExpiryWait;

    // The file's top-level keys, with the schema's defaults.
    public static bool DefaultAllowInsecureHttp { get; } = EnvironmentSchema.Default.BooleanDefault("allowInsecureHttp");
    public static TimeSpan DefaultRequestTimeout { get; } = TimeSpan.FromSeconds(EnvironmentSchema.Default.IntegerDefault("requestTimeoutSeconds"));
    public static bool DefaultIntrusiveProbes { get; } = EnvironmentSchema.Default.BooleanDefault("intrusiveProbes");
    public static TimeSpan DefaultMaxExpiryWait { get; } = TimeSpan.FromSeconds(EnvironmentSchema.Default.IntegerDefault("maxExpiryWaitSeconds"));

    public required TokenEndpointSettings TokenEndpoint { get; init; }
    public required ResourceSettings Resources { get; init; }
    public required BrandRoster Brands { get; init; }
    public required ClientRoster Clients { get; init; }
    public required PrincipalDirectory Principals { get; init; }
    public PolicySettings Policy { get; init; } = new();

    /// <summary>CA trust beyond the machine's roots, the client certificate, the plain-HTTP address, the expiry warning.</summary>
    public TlsSettings Tls { get; init; } = new();

    /// <summary>The proxy every request goes through: declared in the file, or the process's HTTPS_PROXY/HTTP_PROXY/NO_PROXY.</summary>
    public ProxySettings Proxy { get; init; } = ProxySettings.FromEnvironment;

    /// <summary>
    /// Every secret loaded (client secrets, passwords, literal or from variables, and each variable's part of a
    /// longer value), named by origin: already registered with the run's redactor by the loader, and the list an
    /// artifact scan looks for. Never print a <see cref="LoadedSecret.Value"/>.
    /// </summary>
    public IReadOnlyList<LoadedSecret> Secrets { get; init; } = [];

    public IEnumerable<string> SecretValues => Secrets.Select(s => s.Value);

    /// <summary>
    /// The secret values that came from variables, each named <c>${NAME}</c> (one per reference, not deduplicated as
    /// <see cref="Secrets"/> is): what a reproduction command refers to instead of the value.
    /// </summary>
    public IReadOnlyList<LoadedSecret> SecretVariables { get; init; } = [];

    public bool IsEmbeddedSandbox => Target.EmbeddedSandbox;

    /// <summary>Base URL with the app context, ending with '/'; null for an embedded sandbox not started yet.</summary>
    public Uri? BaseUrl => Target.BaseUrl;

    public Uri RequireBaseUrl() => BaseUrl ?? throw new InvalidOperationException(
        $"The environment '{Name}' targets the embedded sandbox, which has not been started: start it, then use WithBaseUrl(host.BaseUrl).");

    public Uri TokenEndpointUrl => new(RequireBaseUrl(), TokenEndpoint.Path.TrimStart('/'));

    public Uri ResourceUrl(ResourceProbe probe, string id) => new(RequireBaseUrl(), probe.PathFor(id).TrimStart('/'));

    /// <summary>
    /// The profile aimed at a running deployment; <paramref name="baseUrl"/> includes the app context, as the
    /// embedded sandbox's <c>SandboxHost.BaseUrl</c> does (http://127.0.0.1:41234/rator/).
    /// </summary>
    public EnvironmentProfile WithBaseUrl(Uri baseUrl)
    {
        if (!baseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException($"The base URL must be absolute, not '{baseUrl}'.", nameof(baseUrl));
        }

        return this with { Target = Target with { BaseUrl = WithTrailingSlash(baseUrl) } };
    }

    public OAuthClient RequireClient(ClientRole role) => Clients.Require(role);

    public bool TryGetClient(ClientRole role, out OAuthClient client) => Clients.TryGet(role, out client);

    public string RequireBrand(BrandRole role) => Brands.Require(role);

    public Principal RequirePrincipal(BrandRole brand, PrincipalRole role) => Principals.Require(RequireBrand(brand), role);

    public Principal RequirePrincipal(string brand, PrincipalRole role) => Principals.Require(brand, role);

    /// <summary>The deployment has client credentials (REST v17+); otherwise its scenarios are NOT_APPLICABLE.</summary>
    public bool ClientCredentialsOffered => TokenEndpoint.ClientCredentials.Offered;

    public override string ToString() =>
        $"environment '{Name}' → {(BaseUrl?.ToString() ?? (IsEmbeddedSandbox ? "embedded sandbox (not started)" : "no target"))}";

    internal static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
