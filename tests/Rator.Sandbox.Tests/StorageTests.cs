using Microsoft.Data.Sqlite;

namespace Rator.Sandbox.Tests;

/// <summary>The SQLite file: Spring's client table, hashed secrets, digests instead of tokens, kept state.</summary>
public sealed class StorageTests
{
    private string path = null!;

    [SetUp]
    public void NewPath() => path = Path.Combine(Path.GetTempPath(), $"rator-sandbox-{Guid.NewGuid():N}.db");

    [TearDown]
    public void DeleteFiles()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
    }

    private List<string> Column(string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetValue(0).ToString()!);
        return values;
    }

    private void Execute(string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Test]
    public async Task The_client_table_has_Spring_s_columns_and_hashed_secrets()
    {
        await using (await SandboxHost.StartAsync(new SandboxOptions { DatabasePath = path })) { }

        Column("SELECT name FROM pragma_table_info('OAUTH_CLIENT_DETAILS') ORDER BY cid").Should().Equal(
            "client_id", "resource_ids", "client_secret", "scope", "authorized_grant_types", "web_server_redirect_uri",
            "authorities", "access_token_validity", "refresh_token_validity", "additional_information", "autoapprove");
        Column("SELECT client_id FROM OAUTH_CLIENT_DETAILS ORDER BY client_id").Should().Equal(
            "rator-lockout", "rator-partner", "rator-restricted", "rator-service", "rator-short", "rator-web");
        Column("SELECT client_secret FROM OAUTH_CLIENT_DETAILS").Should().OnlyContain(s => s.StartsWith("pbkdf2-sha256$"));
        Column("SELECT password_hash FROM RATOR_CUSTOMER UNION ALL SELECT password_hash FROM RATOR_OPERATOR")
            .Should().OnlyContain(s => s.StartsWith("pbkdf2-sha256$"));
        Column("SELECT access_token_validity || '/' || refresh_token_validity FROM OAUTH_CLIENT_DETAILS WHERE client_id = 'rator-short'")
            .Should().Equal("2/6");
    }

    [Test]
    public async Task Tokens_are_stored_as_digests_only()
    {
        string access;
        await using (var sandbox = await RunningSandbox.StartAsync(new SandboxOptions { DatabasePath = path }))
            access = await sandbox.Client.AccessTokenForAsync(Fixtures.Alice);

        var digests = Column("SELECT token_digest FROM RATOR_TOKEN");
        digests.Should().HaveCount(2).And.OnlyContain(d => d.Length == 64);
        digests.Should().NotContain(access);
    }

    [Test]
    public async Task State_survives_a_restart_and_edits_made_with_a_SQLite_tool_apply()
    {
        string token;
        await using (var first = await RunningSandbox.StartAsync(new SandboxOptions { DatabasePath = path }))
            token = await first.Client.AccessTokenForAsync(Fixtures.Alice);

        Execute("UPDATE OAUTH_CLIENT_DETAILS SET access_token_validity = 120 WHERE client_id = 'rator-web'");

        await using var second = await RunningSandbox.StartAsync(new SandboxOptions { DatabasePath = path });
        (await second.Client.BalanceAsync(token, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(200);
        var fresh = await second.Client.PasswordAsync(Fixtures.Alice);
        fresh.Json!.Value.GetProperty("expires_in").GetInt32().Should().Be(120);

        // While running too: the row is read on every request.
        Execute("UPDATE OAUTH_CLIENT_DETAILS SET access_token_validity = 60 WHERE client_id = 'rator-web'");
        (await second.Client.PasswordAsync(Fixtures.Alice)).Json!.Value.GetProperty("expires_in").GetInt32().Should().Be(60);
    }

    [Test]
    public async Task A_custom_seed_replaces_the_fixtures()
    {
        var seed = Path.ChangeExtension(path, ".json");
        await File.WriteAllTextAsync(seed, """
            {
              "brands": [{ "key": "ACME" }],
              "clients": [{ "clientId": "acme-app", "secret": "Acme-1", "brands": ["ACME"], "grants": ["password"],
                            "accessTokenValiditySeconds": 300, "refreshTokenValiditySeconds": 600 }],
              "customers": [{ "customerId": "A-1", "brand": "ACME", "username": "wile", "password": "Coyote-1" }],
              "operators": [],
              "billingGroups": [{ "billingGroupId": "1", "brand": "ACME", "customerId": "A-1", "balance": 1, "currency": "USD" }]
            }
            """);
        try
        {
            await using var sandbox = await RunningSandbox.StartAsync(new SandboxOptions { SeedPath = seed });
            var reply = await sandbox.Client.PasswordAsync(new User("wile", "Coyote-1", "ACME", "1", "A-1"), client: new("acme-app", "Acme-1"));
            reply.Status.Should().Be(200);
            reply.HasProperty("refresh_token").Should().BeFalse("the client has no refresh_token grant");
            (await sandbox.Client.PasswordAsync(Fixtures.Alice)).Status.Should().Be(401);
        }
        finally
        {
            File.Delete(seed);
        }
    }

    [TestCase("{ not json")]
    [TestCase("""{ "brands": [] }""")]
    [TestCase("""{ "brands": [{ "key": "A" }], "clients": [{ "clientId": "c", "secret": "s", "brands": ["B"], "grants": [], "accessTokenValiditySeconds": 1, "refreshTokenValiditySeconds": 1 }] }""")]
    public async Task A_broken_seed_is_a_configuration_error(string json)
    {
        var seed = Path.ChangeExtension(path, ".json");
        await File.WriteAllTextAsync(seed, json);
        try
        {
            var start = () => SandboxHost.StartAsync(new SandboxOptions { SeedPath = seed });
            await start.Should().ThrowAsync<SandboxConfigurationException>();
        }
        finally
        {
            File.Delete(seed);
        }
    }

    [Test]
    public async Task A_missing_seed_file_or_database_folder_is_a_configuration_error()
    {
        var noSeed = () => SandboxHost.StartAsync(new SandboxOptions { SeedPath = "/nonexistent/seed.json" });
        var noFolder = () => SandboxHost.StartAsync(new SandboxOptions { DatabasePath = "/nonexistent/folder/x.db" });
        await noSeed.Should().ThrowAsync<SandboxConfigurationException>();
        await noFolder.Should().ThrowAsync<SandboxConfigurationException>();
    }
}
