using Rator.Sandbox.Defects;
using Rator.Sandbox.Security;
using Rator.Sandbox.Storage;

namespace Rator.Sandbox.Hosting;

/// <summary>Everything the endpoints of one host share; one instance per host, so hosts never interfere.</summary>
internal sealed class SandboxServices
{
    private long unexpectedErrors;

    public SandboxServices(SandboxOptions options, ActiveDefects defects, SandboxDatabase database, TimeProvider clock)
    {
        Options = options;
        Defects = defects;
        Database = database;
        Clock = clock;
        Clients = new ClientStore(database);
        Principals = new PrincipalStore(database);
        Brands = new BrandStore(database);
        Accounts = new AccountStore(database);
        var window = TimeSpan.FromSeconds(options.ThrottleWindowSeconds);
        ClientThrottle = new FailureThrottle(options.ThrottleMaxFailures, window, clock);
        UserThrottle = new FailureThrottle(options.ThrottleMaxFailures, window, clock);
    }

    public SandboxOptions Options { get; }
    public ActiveDefects Defects { get; }
    public SandboxDatabase Database { get; }
    public TimeProvider Clock { get; }
    public ClientStore Clients { get; }
    public PrincipalStore Principals { get; }
    public BrandStore Brands { get; }
    public AccountStore Accounts { get; }
    public FailureThrottle ClientThrottle { get; }
    public FailureThrottle UserThrottle { get; }

    public long UnexpectedErrors => Interlocked.Read(ref unexpectedErrors);

    public void CountUnexpectedError() => Interlocked.Increment(ref unexpectedErrors);

    public bool Has(string defect) => Defects.Has(defect);
}
