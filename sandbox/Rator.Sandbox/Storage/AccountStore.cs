namespace Rator.Sandbox.Storage;

/// <summary>The data behind the resources: billing groups and customers.</summary>
internal sealed class AccountStore(SandboxDatabase database)
{
    public Task<BillingGroupRecord?> FindBillingGroupAsync(string id, CancellationToken ct) =>
        database.RunAsync(db => db.Query(
            "SELECT billing_group_id, brand_key, customer_id, balance, currency FROM RATOR_BILLING_GROUP WHERE billing_group_id = $id",
            r => new BillingGroupRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDecimal(3), r.GetString(4)),
            ("$id", id)).FirstOrDefault(), ct);

    public Task<CustomerRecord?> FindCustomerAsync(string customerId, CancellationToken ct) =>
        database.RunAsync(db =>
        {
            var customer = db.Query(
                "SELECT customer_id, brand_key, username, name, locked FROM RATOR_CUSTOMER WHERE customer_id = $id",
                r => (Id: r.GetString(0), Brand: r.GetString(1), Username: r.GetString(2), Name: r.NullableString(3), Locked: r.GetInt64(4) != 0),
                ("$id", customerId)).FirstOrDefault();
            if (customer.Id is null) return null;
            var groups = db.Query(
                "SELECT billing_group_id FROM RATOR_BILLING_GROUP WHERE customer_id = $id ORDER BY billing_group_id",
                r => r.GetString(0), ("$id", customerId));
            return new CustomerRecord(customer.Id, customer.Brand, customer.Username, customer.Name, customer.Locked, groups);
        }, ct);
}
