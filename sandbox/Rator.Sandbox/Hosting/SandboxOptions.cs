using System.Globalization;

namespace Rator.Sandbox;

/// <summary>Everything a sandbox host can be started with; the defaults are the compliant sandbox.</summary>
public sealed class SandboxOptions
{
    /// <summary>
    /// Semicolon-separated Kestrel URLs; port 0 picks a free port. http, https, or one of each side by side: beside
    /// https, the plain-HTTP address refuses every request (403 "HTTPS required"), as a compliant deployment does.
    /// </summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>
    /// For https: the folder of the sandbox's certificate authority (ca.pem, the file to trust, and ca.key). A CA
    /// found there is used again, so a trusted ca.pem stays valid across starts; otherwise one is made and written.
    /// null: a CA of this host's own, kept in memory (<see cref="SandboxHost.CertificateAuthority"/>).
    /// </summary>
    public string? TlsDirectory { get; set; }

    /// <summary>For https: a PEM certificate (with its chain) to serve instead of one from the sandbox's CA; needs <see cref="TlsKeyFile"/>.</summary>
    public string? TlsCertificateFile { get; set; }

    /// <summary>The PEM private key of <see cref="TlsCertificateFile"/>.</summary>
    public string? TlsKeyFile { get; set; }

    /// <summary>Host names the sandbox's certificate names besides localhost, 127.0.0.1 and ::1 (a name only a test proxy resolves, say).</summary>
    public IReadOnlyCollection<string> TlsHostNames { get; set; } = [];

    /// <summary>For https: a PEM CA file; every client must then present a certificate issued by it (mutual TLS).</summary>
    public string? ClientCertificateAuthorityFile { get; set; }

    /// <summary>The application context every path lives under, as in http://host:port/appcontext/oauth/token.</summary>
    public string AppContext { get; set; } = "/rator";

    /// <summary>A SQLite file that keeps state across restarts; null = a private in-memory database.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>A seed JSON file replacing the embedded one; null = the embedded fixtures.</summary>
    public string? SeedPath { get; set; }

    /// <summary>Names from <see cref="SandboxDefectCatalog"/>; empty = compliant.</summary>
    public IReadOnlyCollection<string> Defects { get; set; } = [];

    /// <summary>Names from <see cref="SandboxVariantCatalog"/>, or "all"; empty = the plain sandbox.</summary>
    public IReadOnlyCollection<string> Variants { get; set; } = [];

    /// <summary>A fixed delay added to every response, for benchmarks.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Whether the client-credentials grant exists (REST v17+ only).</summary>
    public bool ClientCredentialsOffered { get; set; } = true;

    /// <summary>The operator grant's wire name.</summary>
    public string OperatorGrantType { get; set; } = "operator_password";

    /// <summary>Issue a new refresh token on every refresh and detect reuse of the old one.</summary>
    public bool RotateRefreshTokens { get; set; } = true;

    /// <summary>Allow binding to non-loopback addresses (off: the sandbox has fixed, published secrets).</summary>
    public bool AllowRemote { get; set; }

    /// <summary>Failed attempts per client id or username within the window before throttling starts.</summary>
    public int ThrottleMaxFailures { get; set; } = 10;

    /// <summary>The sliding window of the throttle, in seconds.</summary>
    public int ThrottleWindowSeconds { get; set; } = 60;

    /// <summary>Largest accepted request body; larger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Returns a copy with the RATOR_SANDBOX_* environment variables applied over these values.</summary>
    public SandboxOptions WithEnvironmentOverrides() => WithEnvironmentOverrides(Environment.GetEnvironmentVariable);

    internal SandboxOptions WithEnvironmentOverrides(Func<string, string?> variable)
    {
        var copy = Clone();
        if (Read(variable, EnvironmentVariables.Defects) is { } defects)
            copy.Defects = Defects.Concat(SplitList(defects)).Distinct(StringComparer.Ordinal).ToArray();
        if (Read(variable, EnvironmentVariables.Variants) is { } variants)
            copy.Variants = Variants.Concat(SplitList(variants)).Distinct(StringComparer.Ordinal).ToArray();
        if (Read(variable, EnvironmentVariables.LatencyMs) is { } latency)
            copy.LatencyMs = ParseNonNegative(EnvironmentVariables.LatencyMs, latency);
        if (Read(variable, EnvironmentVariables.Database) is { } db) copy.DatabasePath = db;
        if (Read(variable, EnvironmentVariables.Seed) is { } seed) copy.SeedPath = seed;
        if (Read(variable, EnvironmentVariables.AppContext) is { } context) copy.AppContext = context;
        if (Read(variable, EnvironmentVariables.OperatorGrantType) is { } grant) copy.OperatorGrantType = grant;
        if (Read(variable, EnvironmentVariables.ClientCredentials) is { } cc)
            copy.ClientCredentialsOffered = ParseBool(EnvironmentVariables.ClientCredentials, cc);
        if (Read(variable, EnvironmentVariables.RotateRefreshTokens) is { } rotate)
            copy.RotateRefreshTokens = ParseBool(EnvironmentVariables.RotateRefreshTokens, rotate);
        if (Read(variable, EnvironmentVariables.AllowRemote) is { } remote)
            copy.AllowRemote = ParseBool(EnvironmentVariables.AllowRemote, remote);
        return copy;
    }

    internal SandboxOptions Clone() => (SandboxOptions)MemberwiseClone();

    internal static IReadOnlyList<string> SplitList(string value) =>
        value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static int ParseNonNegative(string setting, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new SandboxConfigurationException($"{setting} must be a whole number >= 0, got '{value}'.");

    internal static bool ParseBool(string setting, string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new SandboxConfigurationException($"{setting} must be true or false, got '{value}'."),
    };

    private static string? Read(Func<string, string?> variable, string name) =>
        variable(name) is { Length: > 0 } value ? value : null;
}
