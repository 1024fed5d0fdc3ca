namespace Rator.Sandbox.Storage;

/// <summary>
/// Token rows keyed by digest. The methods take a session so a grant can check and write in one
/// transaction (a refresh must not interleave with another refresh of the same token).
/// </summary>
internal static class TokenStore
{
    public static void Insert(DbSession db, TokenRecord t) =>
        db.Execute("""
            INSERT INTO RATOR_TOKEN (token_digest, kind, client_id, brand_key, principal_kind, principal_name, grant_type,
                scope, family_id, refresh_digest, issued_at, expires_at, revoked, superseded_at)
            VALUES ($d, $k, $c, $b, $pk, $pn, $g, $s, $f, $r, $i, $e, $rev, $sup)
            """,
            ("$d", t.Digest), ("$k", t.Kind.ToString()), ("$c", t.ClientId), ("$b", t.Brand),
            ("$pk", t.PrincipalKind.ToString()), ("$pn", t.PrincipalName), ("$g", t.GrantType), ("$s", t.Scope),
            ("$f", t.FamilyId), ("$r", t.RefreshDigest), ("$i", t.IssuedAt.ToUnixTimeMilliseconds()),
            ("$e", t.ExpiresAt.ToUnixTimeMilliseconds()), ("$rev", t.Revoked ? 1 : 0), ("$sup", t.SupersededAt?.ToUnixTimeMilliseconds()));

    public static TokenRecord? Find(DbSession db, string digest) =>
        db.Query("""
            SELECT token_digest, kind, client_id, brand_key, principal_kind, principal_name, grant_type, scope,
                   family_id, refresh_digest, issued_at, expires_at, revoked, superseded_at
            FROM RATOR_TOKEN WHERE token_digest = $d
            """,
            r => new TokenRecord(
                r.GetString(0), Enum.Parse<TokenKind>(r.GetString(1)), r.GetString(2), r.GetString(3),
                Enum.Parse<PrincipalKind>(r.GetString(4)), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8),
                r.NullableString(9), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(11)), r.GetInt64(12) != 0,
                r.NullableInt64(13) is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null),
            ("$d", digest)).FirstOrDefault();

    /// <summary>Reuse of a rotated refresh token: everything descended from the same grant dies.</summary>
    public static void RevokeFamily(DbSession db, string familyId) =>
        db.Execute("UPDATE RATOR_TOKEN SET revoked = 1 WHERE family_id = $f", ("$f", familyId));

    /// <summary>Spring's DefaultTokenServices removes the access token issued with a refresh token when it is used.</summary>
    public static void RevokeAccessTokensOf(DbSession db, string refreshDigest) =>
        db.Execute("UPDATE RATOR_TOKEN SET revoked = 1 WHERE kind = 'Access' AND refresh_digest = $r", ("$r", refreshDigest));

    public static void Supersede(DbSession db, string digest, DateTimeOffset at) =>
        db.Execute("UPDATE RATOR_TOKEN SET superseded_at = $t WHERE token_digest = $d",
            ("$t", at.ToUnixTimeMilliseconds()), ("$d", digest));
}
