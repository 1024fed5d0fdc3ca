namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// A user of one brand: a customer (password grant) or an operator (operator grant, client credentials' operator).
/// Made-up users (unknown name, wrong password) are built by scenarios the same way: <c>principal with { Password = ... }</c>.
/// </summary>
public sealed record Principal(string Brand, string Username, string Password)
{
    public PrincipalRole? Role { get; init; }

    /// <summary>The billing group the customer owns (the balance probe's known id).</summary>
    public string? BillingGroupId { get; init; }

    /// <summary>The customer's id (the operator-only resource's known id).</summary>
    public string? CustomerId { get; init; }

    public override string ToString() => $"{Role?.Describe() ?? "user"} {Username} of {Brand}";

    /// <summary>One user of the <c>principals</c> section; null without a username and a password (reported as missing).</summary>
    internal static Principal? Read(SettingsNode node, string brand, PrincipalRole role)
    {
        var username = node.String("username");
        var password = node.String("password", secret: true);
        return username is null || password is null
            ? null
            : new Principal(brand, username, password) { Role = role, BillingGroupId = node.String("billingGroupId"), CustomerId = node.String("customerId") };
    }
}
