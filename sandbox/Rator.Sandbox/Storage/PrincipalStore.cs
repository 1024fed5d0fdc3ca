namespace Rator.Sandbox.Storage;

/// <summary>Customers and operators: two separate credential classes (OP-01), each bound to a brand.</summary>
internal sealed class PrincipalStore(SandboxDatabase database)
{
    /// <summary>The principal of that name in that brand; with no brand, in any brand (the first by brand key).</summary>
    public Task<PrincipalRecord?> FindAsync(PrincipalKind kind, string? brand, string username, CancellationToken ct) =>
        database.RunAsync(db => Find(db, kind, brand, username).FirstOrDefault(), ct);

    public Task<bool> SetLockedAsync(PrincipalKind kind, string brand, string username, bool locked, CancellationToken ct) =>
        database.RunAsync(db => db.Execute(
            kind == PrincipalKind.Customer
                ? "UPDATE RATOR_CUSTOMER SET locked = $l WHERE brand_key = $b AND username = $u"
                : "UPDATE RATOR_OPERATOR SET locked = $l WHERE brand_key = $b AND username = $u",
            ("$l", locked ? 1 : 0), ("$b", brand), ("$u", username)) > 0, ct);

    public static List<PrincipalRecord> Find(DbSession db, PrincipalKind kind, string? brand, string username)
    {
        var brandFilter = brand is null ? "" : " AND brand_key = $b";
        return kind == PrincipalKind.Customer
            ? db.Query(
                "SELECT brand_key, username, password_hash, locked, customer_id FROM RATOR_CUSTOMER WHERE username = $u" + brandFilter + " ORDER BY brand_key",
                r => new PrincipalRecord(PrincipalKind.Customer, r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3) != 0, false, r.GetString(4)),
                ("$u", username), ("$b", brand))
            : db.Query(
                "SELECT brand_key, username, password_hash, locked, privileged FROM RATOR_OPERATOR WHERE username = $u" + brandFilter + " ORDER BY brand_key",
                r => new PrincipalRecord(PrincipalKind.Operator, r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3) != 0, r.GetInt64(4) != 0, null),
                ("$u", username), ("$b", brand));
    }
}
