using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Runner;

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
                if (!deployment.Profile.ClientCredentialsOffered)
                    throw new ScenarioNotApplicableException("the environment declares no client credentials grant (it came with REST API 17)");
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
