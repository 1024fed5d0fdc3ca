using System.Text.RegularExpressions;

namespace Rator.Sandbox.Tests;

/// <summary>
/// Every variant switch: the plain sandbox answers the old way, the variant answers its own way, and with
/// "all" every variant still shows (but the one another makes moot) and a token → resource round trip works.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class VariantTests
{
    private static readonly Lazy<Task<RunningSandbox>> Plain = new(() => RunningSandbox.StartAsync());

    public static IEnumerable<TestCaseData> Probes() =>
        VariantProbes.All.Select(p => new TestCaseData(p).SetArgDisplayNames(p.Variant));

    [OneTimeTearDown]
    public async Task StopPlain()
    {
        if (Plain.IsValueCreated) await (await Plain.Value).DisposeAsync();
    }

    [Test]
    public void Every_catalogued_variant_has_exactly_one_probe()
    {
        VariantProbes.All.Select(p => p.Variant).Should().OnlyHaveUniqueItems()
            .And.BeEquivalentTo(SandboxVariantCatalog.All.Select(v => v.Name));
        VariantProbes.MootUnderAll.Should().BeSubsetOf(SandboxVariantCatalog.All.Select(v => v.Name));
    }

    [Test]
    public void Names_are_kebab_case_and_unlike_any_defect_and_every_entry_says_why_and_what()
    {
        SandboxVariantCatalog.All.Should().HaveCount(27);
        SandboxVariantCatalog.All.Select(v => v.Name).Should().OnlyHaveUniqueItems()
            .And.OnlyContain(n => Regex.IsMatch(n, "^[a-z0-9]+(-[a-z0-9]+)*$") && n != "all")
            .And.NotIntersectWith(SandboxDefectCatalog.All.Select(d => d.Name));
        SandboxVariantCatalog.All.Should().OnlyContain(v =>
            v.Clause.Length > 10 && v.Description.Length > 10 && v.Description.EndsWith('.') && !v.Clause.EndsWith('.'));
    }

    [TestCaseSource(nameof(Probes))]
    public async Task The_plain_sandbox_answers_the_old_way(VariantProbes.Probe probe)
    {
        var sandbox = await Plain.Value;
        (await probe.ShowsVariant(sandbox)).Should().BeFalse();
    }

    [TestCaseSource(nameof(Probes))]
    public async Task The_variant_changes_its_answer(VariantProbes.Probe probe)
    {
        await using var sandbox = await RunningSandbox.WithVariantsAsync(probe.Variant);

        (await probe.ShowsVariant(sandbox)).Should().BeTrue($"{probe.Variant} must change its answer");
        sandbox.Host.ActiveVariants.Should().ContainSingle().Which.Name.Should().Be(probe.Variant);
        sandbox.Host.UnexpectedErrorCount.Should().Be(0);
    }

    [Test]
    public async Task With_all_variants_every_variant_shows_but_the_moot_one()
    {
        await using var sandbox = await RunningSandbox.WithVariantsAsync("all");

        sandbox.Host.ActiveVariants.Should().Equal(SandboxVariantCatalog.All);
        var missing = new List<string>();
        foreach (var probe in VariantProbes.All.Where(p => !VariantProbes.MootUnderAll.Contains(p.Variant)))
            if (!await probe.ShowsVariant(sandbox)) missing.Add(probe.Variant);
        missing.Should().BeEmpty("every variant must combine with the others");
        sandbox.Host.UnexpectedErrorCount.Should().Be(0);
    }

    [Test]
    public async Task With_all_variants_a_token_opens_a_resource_with_the_brand_as_declared()
    {
        await using var sandbox = await RunningSandbox.WithVariantsAsync("all");
        var declaration = sandbox.Host.Declaration;
        (string, string)[] brand = [(declaration.BrandParameterName, Fixtures.Brand1)];
        (string, string)[] form = [("grant_type", "password"), ("username", "alice.b1"), ("password", "Alice-Pass-1")];

        var tokens = declaration.BrandParameterPlace == "form"
            ? await sandbox.Client.TokenAsync(SandboxClient.Basic(Fixtures.Web), [.. form, .. brand])
            : await sandbox.Client.TokenAsync(SandboxClient.Basic(Fixtures.Web), form, brand);
        tokens.Status.Should().Be(200, tokens.ToString());
        string.Equals(tokens.Str("token_type"), "bearer", StringComparison.OrdinalIgnoreCase).Should().BeTrue();

        var balance = await sandbox.Client.BalanceAsync(tokens.AccessToken, Fixtures.Brand1, Fixtures.Alice.BillingGroupId!);
        balance.Status.Should().Be(200);
        balance.Str("billingGroupId").Should().Be(Fixtures.Alice.BillingGroupId);

        var refreshed = await sandbox.Client.TokenAsync(SandboxClient.Basic(Fixtures.Web),
            [("grant_type", "refresh_token"), ("refresh_token", tokens.RefreshToken!), .. brand]);
        refreshed.Status.Should().Be(200);
        (await sandbox.Client.BalanceAsync(refreshed.AccessToken, Fixtures.Brand1, Fixtures.Alice.BillingGroupId!)).Status.Should().Be(200);
        sandbox.Host.UnexpectedErrorCount.Should().Be(0);
    }

    [Test]
    public async Task A_defect_still_wins_over_the_variant_that_touches_the_same_answer()
    {
        await using var sandbox = await RunningSandbox.StartAsync(new SandboxOptions
        {
            Variants = ["jwt-access-tokens", "hex-refresh-tokens", "token-type-capitalized", "cache-control-directives", "query-token-bad-request", "challenge-shapes"],
            Defects = ["uuid-tokens", "token-type-missing", "cache-headers-missing", "query-token-accepted", "basic-challenge-missing"],
        });
        var tokens = await sandbox.Client.TokenAsync(SandboxClient.Basic(Fixtures.Web),
            [("grant_type", "password"), ("username", "alice.b1"), ("password", "Alice-Pass-1"), ("brandKey", "BRAND1")]);

        Guid.TryParse(tokens.AccessToken, out _).Should().BeTrue();
        Guid.TryParse(tokens.RefreshToken, out _).Should().BeTrue();
        tokens.HasProperty("token_type").Should().BeFalse();
        tokens.Header("Cache-Control").Should().BeNull();
        tokens.Header("Expires").Should().BeNull();
        var query = await sandbox.Client.GetAsync($"api/billing-groups/{Fixtures.Alice.BillingGroupId}/balance", null, "BRAND1",
            query: [("access_token", tokens.AccessToken!)]);
        query.Status.Should().Be(200);
        var wrong = await sandbox.Client.TokenAsync(SandboxClient.Basic("rator-web", "wrong"),
            [("grant_type", "password"), ("username", "alice.b1"), ("password", "Alice-Pass-1"), ("brandKey", "BRAND1")]);
        wrong.Status.Should().Be(401);
        wrong.Header("WWW-Authenticate").Should().BeNull();
    }
}
