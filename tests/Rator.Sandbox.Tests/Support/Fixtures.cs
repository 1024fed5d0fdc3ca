namespace Rator.Sandbox.Tests.Support;

/// <summary>The seed's fixtures, as TEAM.md and the README list them.</summary>
public static class Fixtures
{
    public const string Brand1 = "BRAND1";
    public const string Brand2 = "BRAND2";

    public static readonly ClientCredentials Web = new("rator-web", "Web-Secret-1");
    public static readonly ClientCredentials Partner = new("rator-partner", "Partner:Secret+2&=%/x");
    public static readonly ClientCredentials Short = new("rator-short", "Short-Secret-3");
    public static readonly ClientCredentials Restricted = new("rator-restricted", "Restricted-Secret-4");
    public static readonly ClientCredentials Lockout = new("rator-lockout", "Lockout-Secret-5");

    public static readonly User Alice = new("alice.b1", "Alice-Pass-1", Brand1, "201506171857210002", "C-1001");
    public static readonly User Bob = new("bob.b1", "Bob-Pass-1", Brand1, "201506171857210003", "C-1002");
    public static readonly User Locked = new("locked.b1", "Locked-Pass-1", Brand1, null, "C-1003");
    public static readonly User LockoutUser = new("lockout.b1", "Lockout-Pass-1", Brand1, "201506171857210009", "C-1009");
    public static readonly User Carol = new("carol.b2", "Carol-Pass-2", Brand2, "201507010000000001", "C-2001");

    public static readonly User Op1 = new("op.b1", "Op-Pass-1", Brand1, null, null);
    public static readonly User Root1 = new("root.b1", "Root-Pass-1", Brand1, null, null);
    public static readonly User Op2 = new("op.b2", "Op-Pass-2", Brand2, null, null);

    public const string OperatorGrant = "operator_password";
}

public sealed record ClientCredentials(string Id, string Secret);

public sealed record User(string Username, string Password, string Brand, string? BillingGroupId, string? CustomerId);
