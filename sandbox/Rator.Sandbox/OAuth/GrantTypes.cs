namespace Rator.Sandbox.OAuth;

internal static class GrantTypes
{
    public const string Password = "password";
    public const string ClientCredentials = "client_credentials";
    public const string RefreshToken = "refresh_token";
}

/// <summary>The grant a request asks for, resolved from its wire name.</summary>
internal enum Grant { Password, Operator, ClientCredentials, Refresh }

internal static class GrantWireNames
{
    /// <summary>The grant_type that asks for this grant; the operator grant's is configurable.</summary>
    public static string WireName(this Grant grant, SandboxOptions options) => grant switch
    {
        Grant.Password => GrantTypes.Password,
        Grant.Operator => options.OperatorGrantType,
        Grant.ClientCredentials => GrantTypes.ClientCredentials,
        _ => GrantTypes.RefreshToken,
    };
}
