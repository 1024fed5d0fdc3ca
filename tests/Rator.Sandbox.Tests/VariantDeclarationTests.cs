namespace Rator.Sandbox.Tests;

/// <summary>SandboxHost.Declaration: what an environment file should say for this host, with and without variants.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class VariantDeclarationTests
{
    private const string OperatorGrant = "operator_password";
    private static readonly string[] FullGrants = ["password", OperatorGrant, "client_credentials", "refresh_token"];
    private static readonly string[] ReadWrite = ["read", "write"];

    private static readonly DeclaredClient[] SeededClients =
    [
        new("rator-web", ["BRAND1", "BRAND2"], FullGrants, 1800, 86400, ReadWrite),
        new("rator-partner", ["BRAND1", "BRAND2"], FullGrants, 1800, 86400, ReadWrite),
        new("rator-short", ["BRAND1", "BRAND2"], FullGrants, 2, 6, ReadWrite),
        new("rator-restricted", ["BRAND1"], ["password", "refresh_token"], 1800, 86400, ReadWrite),
        new("rator-service", ["BRAND1", "BRAND2"], ["client_credentials"], 1800, 86400, ["read"]),
        new("rator-lockout", ["BRAND1"], ["password", "refresh_token"], 1800, 86400, ReadWrite),
    ];

    private static readonly SandboxDeclaration PlainDeclaration = new()
    {
        BrandParameterName = "brand_key",
        BrandParameterPlace = "query",
        OperatorGrantType = OperatorGrant,
        ClientCredentialsOffered = true,
        RefreshTokenRotation = true,
        AccessTokenRevokedOnRefresh = true,
        RefreshTokenReuseLeewaySeconds = 0,
        TokenEndpointBrandRejectionStatus = [400],
        ResourceBrandRejectionStatus = [400, 403],
        Clients = SeededClients,
    };

    /// <summary>The variants that change the declaration; every other one leaves it as the plain host's.</summary>
    private static readonly string[] Declaring =
    [
        "brand-key-camel-case", "form-only-parameters", "operator-grant-renamed", "no-refresh-rotation",
        "access-token-kept-on-refresh", "refresh-reuse-leeway", "resource-brand-refusals", "restricted-client-reshaped",
    ];

    private static async Task<SandboxDeclaration> DeclarationOf(SandboxOptions options)
    {
        await using var host = await SandboxHost.StartAsync(options);
        return host.Declaration;
    }

    private static Task<SandboxDeclaration> DeclarationWith(params string[] variants) =>
        DeclarationOf(new SandboxOptions { Variants = variants });

    [Test]
    public async Task The_plain_host_declares_the_local_environment_s_promises_and_the_seeded_clients()
    {
        var declaration = await DeclarationOf(new SandboxOptions());
        declaration.Should().BeEquivalentTo(PlainDeclaration, o => o.WithStrictOrdering());
    }

    [Test]
    public async Task The_declaration_follows_the_options()
    {
        var declaration = await DeclarationOf(new SandboxOptions
        {
            OperatorGrantType = "operator", ClientCredentialsOffered = false, RotateRefreshTokens = false,
        });

        declaration.OperatorGrantType.Should().Be("operator");
        declaration.ClientCredentialsOffered.Should().BeFalse();
        declaration.RefreshTokenRotation.Should().BeFalse();
        declaration.Clients[0].Grants.Should().Equal("password", "operator", "client_credentials", "refresh_token");
    }

    [Test]
    public async Task Defects_never_change_the_declaration()
    {
        var declaration = await DeclarationOf(new SandboxOptions { Defects = SandboxDefectCatalog.All.Select(d => d.Name).ToArray() });
        declaration.Should().BeEquivalentTo(PlainDeclaration, o => o.WithStrictOrdering());
    }

    [Test]
    public async Task Variants_that_change_no_promise_leave_the_declaration_as_it_is()
    {
        var others = SandboxVariantCatalog.All.Select(v => v.Name).Except(Declaring).ToArray();
        others.Should().HaveCount(SandboxVariantCatalog.All.Count - Declaring.Length);

        var declaration = await DeclarationWith(others);
        declaration.Should().BeEquivalentTo(PlainDeclaration, o => o.WithStrictOrdering());
    }

    [Test]
    public async Task Brand_key_camel_case_promises_brandKey()
    {
        var declaration = await DeclarationWith("brand-key-camel-case");
        declaration.Should().BeEquivalentTo(PlainDeclaration with { BrandParameterName = "brandKey" });
    }

    [Test]
    public async Task Form_only_parameters_promises_the_form()
    {
        var declaration = await DeclarationWith("form-only-parameters");
        declaration.Should().BeEquivalentTo(PlainDeclaration with { BrandParameterPlace = "form" });
    }

    [Test]
    public async Task Operator_grant_renamed_promises_the_urn_and_the_clients_follow()
    {
        const string urn = "urn:rator:grant-type:operator";
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Variants = ["operator-grant-renamed"] });

        host.Options.OperatorGrantType.Should().Be(urn);
        host.Declaration.Should().BeEquivalentTo(PlainDeclaration with
        {
            OperatorGrantType = urn,
            Clients = SeededClients.Select(c => c with { Grants = c.Grants.Select(g => g == OperatorGrant ? urn : g).ToArray() }).ToArray(),
        }, o => o.WithStrictOrdering());
    }

    [Test]
    public async Task No_refresh_rotation_promises_no_rotation_and_sets_the_option()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Variants = ["no-refresh-rotation"] });

        host.Options.RotateRefreshTokens.Should().BeFalse();
        host.Declaration.Should().BeEquivalentTo(PlainDeclaration with { RefreshTokenRotation = false });
    }

    [Test]
    public async Task Access_token_kept_on_refresh_promises_no_revocation()
    {
        var declaration = await DeclarationWith("access-token-kept-on-refresh");
        declaration.Should().BeEquivalentTo(PlainDeclaration with { AccessTokenRevokedOnRefresh = false });
    }

    [Test]
    public async Task Refresh_reuse_leeway_promises_three_seconds_only_where_tokens_rotate()
    {
        (await DeclarationWith("refresh-reuse-leeway")).Should().BeEquivalentTo(PlainDeclaration with { RefreshTokenReuseLeewaySeconds = 3 });
        (await DeclarationWith("refresh-reuse-leeway", "no-refresh-rotation")).RefreshTokenReuseLeewaySeconds.Should().Be(0);
    }

    [Test]
    public async Task Resource_brand_refusals_promises_403_and_404()
    {
        var declaration = await DeclarationWith("resource-brand-refusals");
        declaration.Should().BeEquivalentTo(PlainDeclaration with { ResourceBrandRejectionStatus = [403, 404] }, o => o.WithStrictOrdering());
    }

    [Test]
    public async Task Restricted_client_reshaped_declares_the_reshaped_client()
    {
        var declaration = await DeclarationWith("restricted-client-reshaped");
        declaration.Should().BeEquivalentTo(PlainDeclaration with
        {
            Clients = SeededClients.Select(c => c.ClientId != "rator-restricted" ? c
                : c with { Brands = ["BRAND2"], Grants = ["password", "client_credentials", "refresh_token"] }).ToArray(),
        }, o => o.WithStrictOrdering());
    }

    [Test]
    public async Task All_variants_declare_every_change_at_once()
    {
        const string urn = "urn:rator:grant-type:operator";
        var declaration = await DeclarationWith("all");

        declaration.Should().BeEquivalentTo(new SandboxDeclaration
        {
            BrandParameterName = "brandKey",
            BrandParameterPlace = "form",
            OperatorGrantType = urn,
            ClientCredentialsOffered = true,
            RefreshTokenRotation = false,
            AccessTokenRevokedOnRefresh = false,
            RefreshTokenReuseLeewaySeconds = 0, // moot: nothing rotates
            TokenEndpointBrandRejectionStatus = [400],
            ResourceBrandRejectionStatus = [403, 404],
            Clients = SeededClients.Select(c => c.ClientId == "rator-restricted"
                ? c with { Brands = ["BRAND2"], Grants = ["password", "client_credentials", "refresh_token"] }
                : c with { Grants = c.Grants.Select(g => g == OperatorGrant ? urn : g).ToArray() }).ToArray(),
        }, o => o.WithStrictOrdering());
    }

    [Test]
    public async Task A_kept_database_is_declared_as_it_is_stored()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rator-sandbox-{Guid.NewGuid():N}.db");
        try
        {
            (await DeclarationOf(new SandboxOptions { DatabasePath = path })).Clients.Should().HaveCount(SeededClients.Length);
            // The reshaping is a seed change: a kept file keeps its rows, and the declaration says so.
            var kept = await DeclarationOf(new SandboxOptions { DatabasePath = path, Variants = ["restricted-client-reshaped"] });
            kept.Clients.Single(c => c.ClientId == "rator-restricted").Brands.Should().Equal("BRAND1");
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                File.Delete(file);
        }
    }
}
