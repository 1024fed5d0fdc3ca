using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Security;
using Rator.Sandbox.Storage;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox.OAuth.Grants;

/// <summary>
/// The refresh grant, checked and written in one transaction. The refresh token stays bound to its
/// client, brand and principal; the previous access token is revoked (Spring's DefaultTokenServices).
/// With rotation, a used refresh token is superseded; presenting it again later revokes the whole family
/// (RFC 9700 §4.14.2). A request that was already in flight when the token was superseded (a parallel
/// refresh race) is refused without revoking, so the winner's tokens keep working (SH-06). With
/// refresh-reuse-leeway, a superseded token received within the leeway of its rotation (in flight or not)
/// is served again instead, as OpenIddict does.
/// </summary>
internal static class RefreshTokenGrant
{
    /// <summary>RFC 6750 §3.1's code, which legacy Spring's DefaultTokenServices answers for an expired refresh token.</summary>
    private const string InvalidToken = "invalid_token";
    private const string ExpiredDescription = "Invalid refresh token (expired)";

    public static async Task<IssuedTokens> RunAsync(
        TokenParameters p, ClientRecord? client, string? brand, DateTimeOffset receivedAt, SandboxServices sandbox, CancellationToken ct)
    {
        if (p.Get("refresh_token") is null && p.IsPresent("refresh_token") && sandbox.Has(DefectNames.EmptyRefreshTokenInvalidGrant))
            throw OAuthException.BadRequest(OAuthErrors.InvalidGrant, "Invalid refresh token");
        var value = p.Get("refresh_token")
                    ?? throw OAuthException.BadRequest(OAuthErrors.InvalidRequest, OAuthErrors.Missing("refresh_token", sandbox));
        var digest = TokenGenerator.Digest(value);

        // The outcome is computed inside the transaction; a refusal that revokes must still commit.
        var outcome = await sandbox.Database.InTransactionAsync(db => Refresh(db, p, value, digest, client, brand, receivedAt, sandbox), ct);
        return outcome.Tokens ?? throw outcome.Refusal!;
    }

    private sealed record Outcome(IssuedTokens? Tokens, OAuthException? Refusal);

    private static Outcome Refresh(
        DbSession db, TokenParameters p, string value, string digest, ClientRecord? client, string? brand, DateTimeOffset receivedAt, SandboxServices sandbox)
    {
        static Outcome Invalid(string description) => new(null, OAuthException.BadRequest(OAuthErrors.InvalidGrant, description));

        var now = sandbox.Clock.GetUtcNow();
        var rt = TokenStore.Find(db, digest);
        if (rt is null || rt.Kind != TokenKind.Refresh)
        {
            var code = sandbox.Has(DefectNames.UnknownRefreshTokenInvalidRequest) ? OAuthErrors.InvalidRequest : OAuthErrors.InvalidGrant;
            return new(null, OAuthException.BadRequest(code, "Invalid refresh token"));
        }

        // A null client comes only from the refresh-without-client-auth defect: the token names it.
        client ??= ClientStore.Find(db, rt.ClientId);
        if (client is null) return Invalid("Invalid refresh token");
        if (rt.ClientId != client.ClientId && !sandbox.Has(DefectNames.RefreshNotClientBound))
            return Invalid("The refresh token was not issued to this client");
        if (rt.Revoked) return Invalid("Invalid refresh token");

        if (rt.SupersededAt is { } supersededAt && !sandbox.Has(DefectNames.RotatedRefreshTokenReusable) &&
            !(sandbox.Uses(VariantNames.RefreshReuseLeeway) && receivedAt < supersededAt + ActiveVariants.ReuseLeeway))
        {
            if (receivedAt < supersededAt) return Invalid("The refresh token was used concurrently");
            TokenStore.RevokeFamily(db, rt.FamilyId);
            return Invalid("The refresh token was already used; its tokens are revoked");
        }
        if (now >= rt.ExpiresAt && !sandbox.Has(DefectNames.ExpiredRefreshTokenAccepted))
            return sandbox.Uses(VariantNames.ExpiredRefreshInvalidToken)
                ? new(null, new OAuthException(401, InvalidToken, ExpiredDescription)
                {
                    Challenge = $"Bearer error=\"{InvalidToken}\", error_description=\"{ExpiredDescription}\"",
                })
                : Invalid("Refresh token expired");

        var tokenBrand = brand ?? rt.Brand;
        if (tokenBrand != rt.Brand && !sandbox.Has(DefectNames.RefreshSwitchesBrand))
            return Invalid("The refresh token belongs to another brand");
        if (!client.Brands.Contains(tokenBrand))
            return new(null, OAuthException.BadRequest(OAuthErrors.UnauthorizedClient, "The client is not registered for this brand"));

        if (rt.GrantType != GrantTypes.ClientCredentials && !sandbox.Has(DefectNames.RefreshIgnoresLock))
        {
            var principal = PrincipalStore.Find(db, rt.PrincipalKind, rt.Brand, rt.PrincipalName).FirstOrDefault();
            if (principal is null || principal.Locked) return Invalid("The account is locked or disabled");
        }

        string scope;
        try
        {
            scope = ScopePolicy.ForRefresh(p, rt.Scope, client.Scopes, sandbox);
        }
        catch (OAuthException e)
        {
            return new(null, e);
        }

        if (!sandbox.Uses(VariantNames.AccessTokenKeptOnRefresh)) TokenStore.RevokeAccessTokensOf(db, digest);
        var binding = new TokenBinding(client, tokenBrand, rt.PrincipalKind, rt.PrincipalName, rt.GrantType, scope);
        var store = !sandbox.Has(DefectNames.RefreshAccessTokenUnusable);
        var reusable = sandbox.Has(DefectNames.RotatedRefreshTokenReusable);
        if (sandbox.Options.RotateRefreshTokens == sandbox.Has(DefectNames.RefreshRotationInverted))
        {
            // Spring's reuseRefreshToken: the same refresh token is answered again.
            var kept = TokenIssuer.Issue(db, sandbox, binding, withRefreshToken: true,
                new TokenLineage(rt.FamilyId, null, KeptRefreshDigest: digest), store);
            return new(kept with { RefreshToken = value }, null);
        }

        // A token served again within the leeway keeps its first rotation's time, so the leeway never grows.
        if (!reusable && rt.SupersededAt is null) TokenStore.Supersede(db, digest, now);
        // The rotated token keeps the family's original expiry: rotation must not extend a grant's life.
        var rotated = TokenIssuer.Issue(db, sandbox, binding, withRefreshToken: true,
            new TokenLineage(rt.FamilyId, rt.ExpiresAt > now ? rt.ExpiresAt : null, null), store);
        return new(rotated, null);
    }
}
