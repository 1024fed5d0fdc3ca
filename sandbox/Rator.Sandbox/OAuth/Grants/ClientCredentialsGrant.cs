using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Storage;

namespace Rator.Sandbox.OAuth.Grants;

/// <summary>
/// Client credentials as REST v17 has it: the token acts on behalf of the operator named in the
/// operator parameter, who must be an ordinary, unlocked operator of the requested brand (CC-04).
/// No refresh token (RFC 6749 §4.4.3).
/// </summary>
internal static class ClientCredentialsGrant
{
    public static async Task<IssuedTokens> RunAsync(
        TokenParameters p, ClientRecord client, string? brand, string scope, SandboxServices sandbox, CancellationToken ct)
    {
        var name = p.Get("operator")
                   ?? throw OAuthException.BadRequest(OAuthErrors.InvalidRequest, OAuthErrors.Missing("operator", sandbox));

        string tokenBrand;
        if (sandbox.Has(DefectNames.CcOperatorUnchecked))
        {
            tokenBrand = brand ?? client.Brands.Order(StringComparer.Ordinal).First();
        }
        else
        {
            var op = await sandbox.Principals.FindAsync(PrincipalKind.Operator, brand, name, ct);
            if (op is null || op.Locked || op.Privileged)
                throw OAuthException.BadRequest(OAuthErrors.InvalidGrant, "The operator cannot be acted for");
            tokenBrand = op.Brand;
        }
        if (!client.Brands.Contains(tokenBrand))
            throw OAuthException.BadRequest(OAuthErrors.UnauthorizedClient, "The client is not registered for this brand");

        var binding = new TokenBinding(client, tokenBrand, PrincipalKind.Operator, name, GrantTypes.ClientCredentials, scope);
        var withRefresh = sandbox.Has(DefectNames.CcRefreshTokenIssued);
        return await sandbox.Database.InTransactionAsync(db => TokenIssuer.Issue(db, sandbox, binding, withRefresh), ct);
    }
}
