namespace Rator.Sandbox.Storage;

/// <summary>Reads OAUTH_CLIENT_DETAILS on every request, so edits made with a SQLite tool apply at once.</summary>
internal sealed class ClientStore(SandboxDatabase database)
{
    public Task<ClientRecord?> FindAsync(string clientId, CancellationToken ct) =>
        database.RunAsync(db => Find(db, clientId), ct);

    /// <summary>The first seeded client allowing a grant; only the client-auth-optional defect asks.</summary>
    public Task<ClientRecord?> FirstWithGrantAsync(string grantType, CancellationToken ct) =>
        database.RunAsync(db =>
        {
            var ids = db.Query("SELECT client_id FROM OAUTH_CLIENT_DETAILS ORDER BY rowid", r => r.GetString(0));
            return ids.Select(id => Find(db, id)).FirstOrDefault(c => c is not null && c.Grants.Contains(grantType));
        }, ct);

    /// <summary>Every client as stored, for the host's declaration: grants in their column's order, brands sorted.</summary>
    public static List<DeclaredClient> Declared(DbSession db)
    {
        var rows = db.Query("""
            SELECT client_id, authorized_grant_types, access_token_validity, refresh_token_validity, scope
            FROM OAUTH_CLIENT_DETAILS ORDER BY rowid
            """,
            r => (Id: r.GetString(0), Grants: r.NullableString(1) ?? "", Access: r.IsDBNull(2) ? 0 : r.GetInt32(2), Refresh: r.IsDBNull(3) ? 0 : r.GetInt32(3),
                  Scope: r.NullableString(4) ?? ""));
        return rows.Select(row => new DeclaredClient(
            row.Id,
            db.Query("SELECT brand_key FROM RATOR_CLIENT_BRAND WHERE client_id = $id ORDER BY brand_key", r => r.GetString(0), ("$id", row.Id)),
            SplitList(row.Grants),
            row.Access,
            row.Refresh,
            SplitList(row.Scope))).ToList();
    }

    public static ClientRecord? Find(DbSession db, string clientId)
    {
        var rows = db.Query("""
            SELECT client_id, client_secret, scope, authorized_grant_types, access_token_validity, refresh_token_validity
            FROM OAUTH_CLIENT_DETAILS WHERE client_id = $id
            """,
            r => (Id: r.GetString(0), Secret: r.NullableString(1) ?? "", Scope: r.NullableString(2) ?? "",
                  Grants: r.NullableString(3) ?? "", Access: r.IsDBNull(4) ? 0 : r.GetInt32(4), Refresh: r.IsDBNull(5) ? 0 : r.GetInt32(5)),
            ("$id", clientId));
        if (rows.Count == 0) return null;
        var row = rows[0];
        var brands = db.Query("SELECT brand_key FROM RATOR_CLIENT_BRAND WHERE client_id = $id", r => r.GetString(0), ("$id", clientId));
        return new ClientRecord(
            row.Id,
            row.Secret,
            SplitList(row.Scope),
            SplitList(row.Grants).ToHashSet(StringComparer.Ordinal),
            brands.ToHashSet(StringComparer.Ordinal),
            row.Access,
            row.Refresh);
    }

    private static List<string> SplitList(string value) =>
        value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
