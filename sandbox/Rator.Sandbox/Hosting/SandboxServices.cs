using Rator.Sandbox.Defects;
using Rator.Sandbox.OAuth;
using Rator.Sandbox.Security;
using Rator.Sandbox.Storage;
using Rator.Sandbox.Tls;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox.Hosting;

/// <summary>Everything the endpoints of one host share; one instance per host, so hosts never interfere.</summary>
internal sealed class SandboxServices
{
    private long unexpectedErrors;

    public SandboxServices(SandboxOptions options, ActiveDefects defects, ActiveVariants variants, SandboxDatabase database, TimeProvider clock)
    {
        Options = options;
        Defects = defects;
        Variants = variants;
        Database = database;
        Clock = clock;
        Clients = new ClientStore(database);
        Principals = new PrincipalStore(database);
        Brands = new BrandStore(database);
        Accounts = new AccountStore(database);
        var window = TimeSpan.FromSeconds(options.ThrottleWindowSeconds);
        ClientThrottle = new FailureThrottle(options.ThrottleMaxFailures, window, clock);
        UserThrottle = new FailureThrottle(options.ThrottleMaxFailures, window, clock);
        JsonContentType = variants.Has(VariantNames.JsonWithoutCharset) ? "application/json" : "application/json;charset=UTF-8";
    }

    public SandboxOptions Options { get; }
    public ActiveDefects Defects { get; }
    public ActiveVariants Variants { get; }
    public SandboxDatabase Database { get; }
    public TimeProvider Clock { get; }
    public ClientStore Clients { get; }
    public PrincipalStore Principals { get; }
    public BrandStore Brands { get; }
    public AccountStore Accounts { get; }
    public FailureThrottle ClientThrottle { get; }
    public FailureThrottle UserThrottle { get; }
    public JwtAccessTokens AccessTokens { get; } = new();

    /// <summary>What the https listeners present; null when the host serves plain HTTP only.</summary>
    public SandboxTls? Tls { get; init; }

    /// <summary>The https listener's port, once bound: where the plain-http-redirect variant sends a client.</summary>
    public int HttpsPort { get; set; }

    /// <summary>The Content-Type of every JSON answer, token endpoint and resources alike.</summary>
    public string JsonContentType { get; }

    public long UnexpectedErrors => Interlocked.Read(ref unexpectedErrors);

    public void CountUnexpectedError() => Interlocked.Increment(ref unexpectedErrors);

    public bool Has(string defect) => Defects.Has(defect);

    public bool Uses(string variant) => Variants.Has(variant);
}
