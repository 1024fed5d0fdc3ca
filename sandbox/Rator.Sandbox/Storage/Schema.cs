namespace Rator.Sandbox.Storage;

/// <summary>
/// OAUTH_CLIENT_DETAILS has Spring's JdbcClientDetailsService columns, so the vendor page's advice
/// ("configured in OAUTH_CLIENT_DETAILS") applies literally; the RATOR_* tables are the sandbox's own.
/// </summary>
internal static class Schema
{
    private const string Ddl = """
        CREATE TABLE OAUTH_CLIENT_DETAILS (
            client_id VARCHAR(256) PRIMARY KEY,
            resource_ids VARCHAR(256),
            client_secret VARCHAR(256),
            scope VARCHAR(256),
            authorized_grant_types VARCHAR(256),
            web_server_redirect_uri VARCHAR(256),
            authorities VARCHAR(256),
            access_token_validity INTEGER,
            refresh_token_validity INTEGER,
            additional_information VARCHAR(4096),
            autoapprove VARCHAR(256));
        CREATE TABLE RATOR_BRAND (
            brand_key TEXT PRIMARY KEY,
            name TEXT);
        CREATE TABLE RATOR_CLIENT_BRAND (
            client_id TEXT NOT NULL REFERENCES OAUTH_CLIENT_DETAILS(client_id) ON DELETE CASCADE,
            brand_key TEXT NOT NULL REFERENCES RATOR_BRAND(brand_key),
            PRIMARY KEY (client_id, brand_key));
        CREATE TABLE RATOR_CUSTOMER (
            customer_id TEXT PRIMARY KEY,
            brand_key TEXT NOT NULL REFERENCES RATOR_BRAND(brand_key),
            username TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            name TEXT,
            locked INTEGER NOT NULL DEFAULT 0,
            UNIQUE (brand_key, username));
        CREATE TABLE RATOR_OPERATOR (
            brand_key TEXT NOT NULL REFERENCES RATOR_BRAND(brand_key),
            username TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            privileged INTEGER NOT NULL DEFAULT 0,
            locked INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (brand_key, username));
        CREATE TABLE RATOR_BILLING_GROUP (
            billing_group_id TEXT PRIMARY KEY,
            brand_key TEXT NOT NULL REFERENCES RATOR_BRAND(brand_key),
            customer_id TEXT NOT NULL REFERENCES RATOR_CUSTOMER(customer_id),
            balance NUMERIC NOT NULL,
            currency TEXT NOT NULL);
        CREATE TABLE RATOR_TOKEN (
            token_digest TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            client_id TEXT NOT NULL,
            brand_key TEXT NOT NULL,
            principal_kind TEXT NOT NULL,
            principal_name TEXT NOT NULL,
            grant_type TEXT NOT NULL,
            scope TEXT NOT NULL,
            family_id TEXT NOT NULL,
            refresh_digest TEXT,
            issued_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0,
            superseded_at INTEGER);
        CREATE INDEX RATOR_TOKEN_FAMILY ON RATOR_TOKEN(family_id);
        CREATE INDEX RATOR_TOKEN_REFRESH ON RATOR_TOKEN(refresh_digest);
        """;

    public static bool Exists(DbSession db) =>
        Convert.ToInt64(db.Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'OAUTH_CLIENT_DETAILS'")) > 0;

    public static void Create(DbSession db) => db.Execute(Ddl);
}
