using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Unit.Api;

/// <summary>
/// One-line token requests for the client's own tests. The suite's steps build every request through their actors
/// (<see cref="TokenRequest"/> and <see cref="TokenEndpoint.RequestAsync"/>), so these shortcuts live here, not in the suite.
/// </summary>
public static class TokenEndpointShortcuts
{
    /// <param name="brand">the brand to present as the environment declares; null presents none.</param>
    public static Task<ApiResponse> RequestPasswordGrantAsync(this TokenEndpoint tokens, Principal user, string? brand, OAuthClient? client = null) =>
        tokens.RequestAsync(TokenRequest.Password(user, brand) with { Client = client });

    public static Task<ApiResponse> RequestOperatorGrantAsync(this TokenEndpoint tokens, Principal @operator, string? brand, OAuthClient? client = null) =>
        tokens.RequestAsync(TokenRequest.OperatorPassword(@operator, brand) with { Client = client });

    public static Task<ApiResponse> RequestRefreshAsync(this TokenEndpoint tokens, string? refreshToken, string? brand, OAuthClient? client = null) =>
        tokens.RequestAsync(TokenRequest.Refresh(refreshToken, brand) with { Client = client });

    /// <summary>A customer's token for their own brand (password grant).</summary>
    public static Task<IssuedToken> GetPasswordTokenAsync(this TokenEndpoint tokens, Principal user, OAuthClient? client = null) =>
        tokens.GetTokenAsync(TokenRequest.Password(user) with { Client = client });

    /// <summary>An operator's token for their own brand (operator grant).</summary>
    public static Task<IssuedToken> GetOperatorTokenAsync(this TokenEndpoint tokens, Principal @operator, OAuthClient? client = null) =>
        tokens.GetTokenAsync(TokenRequest.OperatorPassword(@operator) with { Client = client });

    /// <summary>A client-credentials token acting for the environment's operator (or the one given).</summary>
    public static Task<IssuedToken> GetClientCredentialsTokenAsync(this TokenEndpoint tokens, string brand, string? @operator = null, OAuthClient? client = null)
    {
        var actingFor = @operator ?? tokens.Profile.TokenEndpoint.ClientCredentials.Operator
            ?? throw new MissingRoleException("client-credentials operator", "tokenEndpoint.clientCredentials.operator", tokens.Profile.Name);
        return tokens.GetTokenAsync(TokenRequest.ClientCredentials(actingFor, brand) with { Client = client });
    }

    /// <summary>A new token from a refresh token, with the client and brand it was issued for.</summary>
    public static Task<IssuedToken> GetRefreshedTokenAsync(this TokenEndpoint tokens, IssuedToken token) =>
        tokens.GetTokenAsync(TokenRequest.Refresh(token.RefreshToken, token.Brand) with { Client = token.Client });
}
