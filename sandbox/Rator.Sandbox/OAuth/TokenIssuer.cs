using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Security;
using Rator.Sandbox.Storage;

namespace Rator.Sandbox.OAuth;

/// <summary>What a new token is bound to: client, brand, principal and grant (and, for refreshes, its family).</summary>
internal sealed record TokenBinding(
    ClientRecord Client, string Brand, PrincipalKind PrincipalKind, string PrincipalName, string GrantType, string Scope);

/// <summary>Creates and stores access and refresh tokens with the validity of the client's row.</summary>
internal static class TokenIssuer
{
    private const int SpringDefaultValiditySeconds = 43_200;

    public static IssuedTokens Issue(
        DbSession db, SandboxServices sandbox, TokenBinding binding, bool withRefreshToken,
        string? familyId = null, DateTimeOffset? refreshExpiresAt = null, bool storeAccessToken = true)
    {
        var now = sandbox.Clock.GetUtcNow();
        var family = familyId ?? TokenGenerator.NewFamilyId();
        var uuid = sandbox.Has(DefectNames.UuidTokens);

        string? refresh = null;
        string? refreshDigest = null;
        if (withRefreshToken)
        {
            refresh = TokenGenerator.NewToken(uuid);
            refreshDigest = TokenGenerator.Digest(refresh);
            TokenStore.Insert(db, Record(refreshDigest, TokenKind.Refresh, binding, family, null, now,
                refreshExpiresAt ?? now.AddSeconds(binding.Client.RefreshTokenValiditySeconds)));
        }

        var validity = binding.Client.AccessTokenValiditySeconds;
        if (sandbox.Has(DefectNames.LongLivedTokens) && validity > 60) validity = SpringDefaultValiditySeconds;
        var access = TokenGenerator.NewToken(uuid);
        if (storeAccessToken)
            TokenStore.Insert(db, Record(TokenGenerator.Digest(access), TokenKind.Access, binding, family, refreshDigest, now, now.AddSeconds(validity)));

        var expiresIn = sandbox.Has(DefectNames.ExpiresInOverstated) ? validity * 2 : validity;
        return new IssuedTokens(access, refresh, expiresIn, binding.Scope);
    }

    /// <summary>Re-attaches a refresh token that is kept (rotation off) to the new access token.</summary>
    public static IssuedTokens IssueAccessForExistingRefresh(
        DbSession db, SandboxServices sandbox, TokenBinding binding, string familyId, string refreshDigest, bool storeAccessToken)
    {
        var now = sandbox.Clock.GetUtcNow();
        var validity = binding.Client.AccessTokenValiditySeconds;
        if (sandbox.Has(DefectNames.LongLivedTokens) && validity > 60) validity = SpringDefaultValiditySeconds;
        var access = TokenGenerator.NewToken(sandbox.Has(DefectNames.UuidTokens));
        if (storeAccessToken)
            TokenStore.Insert(db, Record(TokenGenerator.Digest(access), TokenKind.Access, binding, familyId, refreshDigest, now, now.AddSeconds(validity)));
        var expiresIn = sandbox.Has(DefectNames.ExpiresInOverstated) ? validity * 2 : validity;
        return new IssuedTokens(access, null, expiresIn, binding.Scope);
    }

    private static TokenRecord Record(string digest, TokenKind kind, TokenBinding b, string family, string? refreshDigest,
        DateTimeOffset now, DateTimeOffset expiresAt) =>
        new(digest, kind, b.Client.ClientId, b.Brand, b.PrincipalKind, b.PrincipalName, b.GrantType, b.Scope, family,
            refreshDigest, now, expiresAt, false, null);
}
