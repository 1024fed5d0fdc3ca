using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Support.Actors;

/// <summary>
/// Puts a token of a given kind in the caller's wallet: the home brand's customer or operator signing in, the primary
/// client acting for the environment's operator with client credentials (where the environment offers it), or a
/// customer whose token was renewed once. Short-lived ones come from the short-lived client, for the expiry rules.
/// </summary>
public sealed class TokenHolders(Caller caller, Cast cast, Wallet wallet, Deployment deployment)
{
    public async Task HoldAsync(TokenKind kind, bool shortLived = false)
    {
        switch (kind)
        {
            case TokenKind.Operator:
                caller.Become(cast.Operator(cast.HomeBrand), TokenGrant.Operator);
                break;
            case TokenKind.Application:
                Deployment.RequireClientCredentials(deployment.Profile);
                caller.ActFor(cast.Client(ClientRole.Primary), cast.ClientCredentialsOperator, cast.HomeBrand);
                break;
            default:
                caller.Become(cast.Customer(cast.HomeBrand), TokenGrant.Password);
                break;
        }

        if (shortLived)
            caller.Client = ShortLivedClientFor(caller.Grant);
        await deployment.ObtainTokenAsync(caller.SignIn());
        if (kind == TokenKind.Renewed)
            await deployment.ObtainTokenAsync(wallet.RenewalRequest());
    }

    /// <summary>
    /// Makes the caller ready to use <paramref name="grant"/>: the home brand's customer (password grant) or operator
    /// (operator grant), the primary client acting for the environment's operator (client credentials, where offered),
    /// or a customer holding a token to renew (refresh grant).
    /// </summary>
    public async Task ReadyForAsync(TokenGrant grant)
    {
        switch (grant)
        {
            case TokenGrant.Password:
                caller.Become(cast.Customer(cast.HomeBrand), TokenGrant.Password);
                break;
            case TokenGrant.Operator:
                caller.Become(cast.Operator(cast.HomeBrand), TokenGrant.Operator);
                break;
            case TokenGrant.ClientCredentials:
                Deployment.RequireClientCredentials(deployment.Profile);
                var @operator = cast.ClientCredentialsOperator;
                caller.ActFor(cast.Client(ClientRole.Primary), @operator, cast.HomeBrand);
                break;
            default:
                await HoldAsync(TokenKind.Customer);
                caller.Grant = TokenGrant.RefreshToken;
                break;
        }
    }

    // The short-lived client must have the grant; where the file says it has not, no token of that kind can expire soon.
    private OAuthClient ShortLivedClientFor(TokenGrant grant)
    {
        var client = cast.Client(ClientRole.ShortLived);
        var wire = grant.WireName(deployment.Profile);
        return client.HasGrant(wire)
            ? client
            : throw new MissingRoleException($"short-lived client with the {wire} grant", "clients.shortLived.grants", deployment.Profile.Name);
    }
}
