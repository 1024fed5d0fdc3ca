namespace Rator.Contract.Tests.Support.Configuration;

/// <summary>
/// Client credentials exists only from REST v17 and needs an operator in Rator's execution context
/// (docs/contract.md V4); where it is not offered, its scenarios are NOT_APPLICABLE rather than failed.
/// </summary>
public sealed record ClientCredentialsSettings(bool Offered, string? Operator)
{
    public static ClientCredentialsSettings NotOffered { get; } = new(false, null);
}
