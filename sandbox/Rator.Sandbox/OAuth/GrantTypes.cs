namespace Rator.Sandbox.OAuth;

internal static class GrantTypes
{
    public const string Password = "password";
    public const string ClientCredentials = "client_credentials";
    public const string RefreshToken = "refresh_token";
}

/// <summary>The grant a request asks for, resolved from its wire name.</summary>
internal enum Grant { Password, Operator, ClientCredentials, Refresh }
