namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>The end users and operators a scenario can ask for, per brand.</summary>
public enum PrincipalRole
{
    Customer,
    OtherCustomer,
    LockedCustomer,
    Operator,

    /// <summary>An operator client credentials must refuse to act for (CC-04).</summary>
    PrivilegedOperator,

    /// <summary>A customer dedicated to bursts of bad passwords (PW-05): a lockout must not lock a customer others use.</summary>
    BruteForceCustomer,

    /// <summary>A customer the suite may lock and unlock (RT-08); only where the environment can administer accounts.</summary>
    LockableCustomer,

    /// <summary>
    /// A customer dedicated to the response-time comparison of refusals (PW-04): its password is tried wrongly a few
    /// times a run, which an ordinary account must never get.
    /// </summary>
    TimingCustomer,
}

public static class PrincipalRoles
{
    public static IReadOnlyList<PrincipalRole> All { get; } = Enum.GetValues<PrincipalRole>();

    public static string Key(this PrincipalRole role) => role switch
    {
        PrincipalRole.Customer => "customer",
        PrincipalRole.OtherCustomer => "otherCustomer",
        PrincipalRole.LockedCustomer => "lockedCustomer",
        PrincipalRole.Operator => "operator",
        PrincipalRole.PrivilegedOperator => "privilegedOperator",
        PrincipalRole.BruteForceCustomer => "bruteForceCustomer",
        PrincipalRole.LockableCustomer => "lockableCustomer",
        PrincipalRole.TimingCustomer => "timingCustomer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string Describe(this PrincipalRole role) => role switch
    {
        PrincipalRole.OtherCustomer => "second customer",
        PrincipalRole.LockedCustomer => "locked customer",
        PrincipalRole.PrivilegedOperator => "privileged operator",
        PrincipalRole.BruteForceCustomer => "brute-force customer",
        PrincipalRole.LockableCustomer => "lockable customer",
        PrincipalRole.TimingCustomer => "timing customer",
        _ => Key(role),
    };

}
