namespace Rator.Sandbox.Storage;

internal sealed class BrandStore(SandboxDatabase database)
{
    public Task<bool> ExistsAsync(string brand, CancellationToken ct) =>
        database.RunAsync(db => Convert.ToInt64(db.Scalar("SELECT count(*) FROM RATOR_BRAND WHERE brand_key = $b", ("$b", brand))) > 0, ct);
}
