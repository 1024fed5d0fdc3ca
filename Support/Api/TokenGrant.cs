using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>The grants Rator documents; the operator grant's wire name comes from the environment.</summary>
public enum TokenGrant
{
    Password,
    Operator,
    ClientCredentials,
    RefreshToken,
}

public static class TokenGrants
{
    /// <summary>The grant's grant_type value under this environment (the operator grant's is declared).</summary>
    public static string WireName(this TokenGrant grant, EnvironmentProfile profile) => grant switch
    {
        TokenGrant.Password => "password",
        TokenGrant.Operator => profile.TokenEndpoint.OperatorGrantType,
        TokenGrant.ClientCredentials => "client_credentials",
        TokenGrant.RefreshToken => "refresh_token",
        _ => throw new ArgumentOutOfRangeException(nameof(grant), grant, null),
    };
}
