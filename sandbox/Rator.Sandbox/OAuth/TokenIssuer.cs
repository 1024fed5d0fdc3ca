using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Security;
using Rator.Sandbox.Storage;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox.OAuth;

/// <summary>What a new token is bound to: client, brand, principal and grant.</summary>
internal sealed record TokenBinding(
    ClientRecord Client, string Brand, PrincipalKind PrincipalKind, string PrincipalName, string GrantType, string Scope);

/// <summary>How a refresh continues an existing grant: its family and, when kept, its refresh token.</summary>
internal sealed record TokenLineage(string FamilyId, DateTimeOffset? RefreshExpiresAt, string? KeptRefreshDigest);

/// <summary>Creates and stores access and refresh tokens with the validity of the client's row.</summary>
internal static class TokenIssuer
{
    private const int SpringDefaultValiditySeconds = 43_200;

    /// <summary>
    /// Issues an access token, plus a refresh token when asked (and not kept from a previous one).
    /// Without storeAccessToken (a defect) the token is answered but never known to the resources.
    /// </summary>
    public static IssuedTokens Issue(
        DbSession db, SandboxServices sandbox, TokenBinding binding, bool withRefreshToken,
        TokenLineage? lineage = null, bool storeAccessToken = true)
    {
        var now = sandbox.Clock.GetUtcNow();
        var family = lineage?.FamilyId ?? TokenGenerator.NewFamilyId();
        var uuid = sandbox.Has(DefectNames.UuidTokens);

        string? refresh = null;
        var refreshDigest = lineage?.KeptRefreshDigest;
        if (withRefreshToken && refreshDigest is null)
        {
            refresh = sandbox.Uses(VariantNames.HexRefreshTokens) && !uuid ? TokenGenerator.NewHexToken() : TokenGenerator.NewToken(uuid);
            refreshDigest = TokenGenerator.Digest(refresh);
            var refreshExpiry = lineage?.RefreshExpiresAt ?? now.AddSeconds(binding.Client.RefreshTokenValiditySeconds);
            TokenStore.Insert(db, Record(refreshDigest, TokenKind.Refresh, binding, family, null, now, refreshExpiry));
        }

        var validity = binding.Client.AccessTokenValiditySeconds;
        if (sandbox.Has(DefectNames.LongLivedTokens) && validity > 60) validity = SpringDefaultValiditySeconds;
        var expiresAt = now.AddSeconds(validity);
        // The uuid-tokens defect wins over the variants' formats: it is the broken answer under test.
        var access = sandbox.Uses(VariantNames.JwtAccessTokens) && !uuid
            ? sandbox.AccessTokens.Create(binding, now, expiresAt)
            : TokenGenerator.NewToken(uuid);
        if (storeAccessToken)
            TokenStore.Insert(db, Record(TokenGenerator.Digest(access), TokenKind.Access, binding, family, refreshDigest, now, expiresAt));

        var expiresIn = sandbox.Has(DefectNames.ExpiresInOverstated) ? validity * 2 : validity;
        return new IssuedTokens(access, refresh, expiresIn, binding.Scope);
    }

    private static TokenRecord Record(string digest, TokenKind kind, TokenBinding b, string family, string? refreshDigest,
        DateTimeOffset now, DateTimeOffset expiresAt) =>
        new(digest, kind, b.Client.ClientId, b.Brand, b.PrincipalKind, b.PrincipalName, b.GrantType, b.Scope, family,
            refreshDigest, now, expiresAt, false, null);
}
