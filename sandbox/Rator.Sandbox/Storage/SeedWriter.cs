using System.Text.Json;
using Rator.Sandbox.Seed;

namespace Rator.Sandbox.Storage;

/// <summary>Writes a (hashed) seed into an empty database.</summary>
internal static class SeedWriter
{
    private const string SeedOperatorGrant = "operator_password";

    public static void Write(DbSession db, SeedDocument seed, string operatorGrantType)
    {
        foreach (var b in seed.Brands)
            db.Execute("INSERT INTO RATOR_BRAND (brand_key, name) VALUES ($k, $n)", ("$k", b.Key), ("$n", b.Name));

        foreach (var c in seed.Clients)
        {
            // The seed names the operator grant by its default wire name; a deployment may call it otherwise.
            var grants = c.Grants.Select(g => g == SeedOperatorGrant ? operatorGrantType : g);
            db.Execute("""
                INSERT INTO OAUTH_CLIENT_DETAILS (client_id, resource_ids, client_secret, scope, authorized_grant_types,
                    web_server_redirect_uri, authorities, access_token_validity, refresh_token_validity,
                    additional_information, autoapprove)
                VALUES ($id, 'rator-rest-api', $secret, $scope, $grants, NULL, NULL, $access, $refresh, $info, 'false')
                """,
                ("$id", c.ClientId), ("$secret", c.SecretHash), ("$scope", string.Join(',', c.Scope ?? ["read", "write"])),
                ("$grants", string.Join(',', grants)), ("$access", c.AccessTokenValiditySeconds),
                ("$refresh", c.RefreshTokenValiditySeconds),
                ("$info", JsonSerializer.Serialize(new { brands = c.Brands })));
            foreach (var brand in c.Brands)
                db.Execute("INSERT INTO RATOR_CLIENT_BRAND (client_id, brand_key) VALUES ($c, $b)", ("$c", c.ClientId), ("$b", brand));
        }

        foreach (var u in seed.Customers)
            db.Execute("""
                INSERT INTO RATOR_CUSTOMER (customer_id, brand_key, username, password_hash, name, locked)
                VALUES ($id, $b, $u, $p, $n, $l)
                """,
                ("$id", u.CustomerId), ("$b", u.Brand), ("$u", u.Username), ("$p", u.PasswordHash), ("$n", u.Name), ("$l", u.Locked ? 1 : 0));

        foreach (var o in seed.Operators)
            db.Execute("""
                INSERT INTO RATOR_OPERATOR (brand_key, username, password_hash, privileged, locked)
                VALUES ($b, $u, $p, $priv, $l)
                """,
                ("$b", o.Brand), ("$u", o.Username), ("$p", o.PasswordHash), ("$priv", o.Privileged ? 1 : 0), ("$l", o.Locked ? 1 : 0));

        foreach (var g in seed.BillingGroups)
            db.Execute("""
                INSERT INTO RATOR_BILLING_GROUP (billing_group_id, brand_key, customer_id, balance, currency)
                VALUES ($id, $b, $c, $bal, $cur)
                """,
                ("$id", g.BillingGroupId), ("$b", g.Brand), ("$c", g.CustomerId), ("$bal", g.Balance), ("$cur", g.Currency));
    }
}
