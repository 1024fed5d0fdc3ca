namespace Rator.Contract.Tests.Support.Api;

/// <summary>The grants Rator documents; the operator grant's wire name comes from the environment.</summary>
public enum TokenGrant
{
    Password,
    Operator,
    ClientCredentials,
    RefreshToken,
}
