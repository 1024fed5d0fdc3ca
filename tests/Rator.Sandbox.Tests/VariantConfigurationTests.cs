using Rator.Sandbox.Hosting;

namespace Rator.Sandbox.Tests;

/// <summary>Switching variants on: names, "all", declared conflicts with defects, the command line and the environment.</summary>
public sealed class VariantConfigurationTests
{
    public static IEnumerable<TestCaseData> Conflicts() =>
        SandboxVariantCatalog.Conflicts.Select(c => new TestCaseData(c).SetArgDisplayNames($"{c.Variant} x {c.Defect}"));

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var code = await SandboxCommandLine.RunAsync(args, stdout, stderr, stop.Token);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void Resolve_keeps_the_order_drops_repeats_and_reads_all()
    {
        SandboxVariantCatalog.Resolve(["scope-omitted", " jwt-access-tokens ", "scope-omitted", ""]).Select(v => v.Name)
            .Should().Equal("scope-omitted", "jwt-access-tokens");
        SandboxVariantCatalog.Resolve(["all"]).Should().Equal(SandboxVariantCatalog.All);
        SandboxVariantCatalog.Resolve(["scope-omitted", "ALL"]).Should().Equal(SandboxVariantCatalog.All);
        SandboxVariantCatalog.Resolve([]).Should().BeEmpty();
    }

    [Test]
    public async Task An_unknown_variant_stops_start_up_with_a_clear_message()
    {
        const string expected = "Unknown variant 'no-such-variant'. Run with --list-variants to see the known names.";
        var resolve = () => SandboxVariantCatalog.Resolve(["no-such-variant"]);
        resolve.Should().Throw<SandboxConfigurationException>().WithMessage(expected);

        var start = () => SandboxHost.StartAsync(new SandboxOptions { Variants = ["scope-omitted", "no-such-variant"] });
        (await start.Should().ThrowAsync<SandboxConfigurationException>()).WithMessage(expected);
    }

    [Test]
    public void Every_declared_conflict_names_a_real_variant_and_a_real_defect_once_with_a_reason()
    {
        var variants = SandboxVariantCatalog.All.Select(v => v.Name).ToHashSet();
        var defects = SandboxDefectCatalog.All.Select(d => d.Name).ToHashSet();

        SandboxVariantCatalog.Conflicts.Should().NotBeEmpty()
            .And.OnlyContain(c => variants.Contains(c.Variant) && defects.Contains(c.Defect) && c.Reason.Length > 10 && c.Reason.EndsWith('.'));
        SandboxVariantCatalog.Conflicts.Select(c => (c.Variant, c.Defect)).Should().OnlyHaveUniqueItems();
        SandboxVariantCatalog.Conflicts.Select(c => (c.Variant, c.Defect)).Should().Contain(
        [
            ("no-refresh-rotation", "rotated-refresh-token-reusable"),
            ("form-only-parameters", "cc-brand-query-ignored"),
            ("form-only-parameters", "query-credentials-refused"),
            ("form-only-parameters", "query-client-credentials-accepted"),
            ("brand-key-camel-case", "brand-key-form-ignored"),
            ("error-uri-without-description", "error-description-localized"),
        ]);
    }

    [TestCaseSource(nameof(Conflicts))]
    public async Task A_declared_conflict_stops_start_up_naming_both_and_the_reason(VariantConflict conflict)
    {
        var start = () => SandboxHost.StartAsync(new SandboxOptions { Variants = [conflict.Variant], Defects = [conflict.Defect] });

        (await start.Should().ThrowAsync<SandboxConfigurationException>())
            .Which.Message.Should().Contain($"'{conflict.Variant}'").And.Contain($"'{conflict.Defect}'").And.Contain(conflict.Reason);
        var all = () => SandboxHost.StartAsync(new SandboxOptions { Variants = ["all"], Defects = [conflict.Defect] });
        await all.Should().ThrowAsync<SandboxConfigurationException>();
    }

    [Test]
    public async Task Compatible_variants_are_all_but_the_conflicting_ones_and_they_start_beside_the_defect()
    {
        var rotation = SandboxDefectCatalog.All.Single(d => d.Name == "rotated-refresh-token-reusable");
        var form = SandboxDefectCatalog.All.Single(d => d.Name == "cc-brand-query-ignored");
        var unrelated = SandboxDefectCatalog.All.Single(d => d.Name == "uuid-tokens");

        SandboxVariantCatalog.CompatibleWith(unrelated).Should().Equal(SandboxVariantCatalog.All);
        SandboxVariantCatalog.CompatibleWith(rotation).Select(v => v.Name).Should()
            .HaveCount(SandboxVariantCatalog.All.Count - 1).And.NotContain("no-refresh-rotation");
        SandboxVariantCatalog.CompatibleWith(form).Select(v => v.Name).Should().NotContain("form-only-parameters");

        await using var host = await SandboxHost.StartAsync(new SandboxOptions
        {
            Defects = [rotation.Name],
            Variants = SandboxVariantCatalog.CompatibleWith(rotation).Select(v => v.Name).ToArray(),
        });
        host.ActiveVariants.Should().HaveCount(SandboxVariantCatalog.All.Count - 1);
        host.ActiveDefects.Should().ContainSingle();
    }

    [Test]
    public void The_environment_adds_variants_and_all_is_accepted()
    {
        var variables = new Dictionary<string, string> { ["RATOR_SANDBOX_VARIANTS"] = "scope-omitted, jwt-access-tokens" };
        var original = new SandboxOptions { Variants = ["hex-refresh-tokens"] };

        var o = original.WithEnvironmentOverrides(name => variables.GetValueOrDefault(name));

        o.Variants.Should().Equal("hex-refresh-tokens", "scope-omitted", "jwt-access-tokens");
        original.Variants.Should().Equal("hex-refresh-tokens");
        new SandboxOptions().Variants.Should().BeEmpty();
        new SandboxOptions().WithEnvironmentOverrides(_ => null).Variants.Should().BeEmpty();
    }

    [Test]
    public async Task RATOR_SANDBOX_VARIANTS_all_switches_every_variant_on()
    {
        var options = new SandboxOptions().WithEnvironmentOverrides(n => n == "RATOR_SANDBOX_VARIANTS" ? "all" : null);
        options.Variants.Should().Equal("all");

        await using var host = await SandboxHost.StartAsync(options);
        host.ActiveVariants.Should().Equal(SandboxVariantCatalog.All);
        host.ActiveDefects.Should().BeEmpty();
    }

    [Test]
    public void The_command_line_adds_variants_in_both_spellings()
    {
        var (o, listDefects, listVariants, help) = SandboxCommandLine.Parse(
            ["--variants", "scope-omitted,jwt-access-tokens", "--variants=hex-refresh-tokens"], new SandboxOptions { Variants = ["scope-omitted"] });

        (listDefects, listVariants, help).Should().Be((false, false, false));
        o.Variants.Should().Equal("scope-omitted", "jwt-access-tokens", "hex-refresh-tokens");
        SandboxCommandLine.Parse(["--variants", "all"], new SandboxOptions()).Options.Variants.Should().Equal("all");
        SandboxCommandLine.Parse(["--list-variants"], new SandboxOptions()).ListVariants.Should().BeTrue();
    }

    [Test]
    public async Task List_variants_prints_every_variant_name_first_then_clause_then_description()
    {
        var (code, output, error) = await Run("--list-variants");

        code.Should().Be(0);
        error.Should().BeEmpty();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines.Should().HaveCount(SandboxVariantCatalog.All.Count);
        var width = SandboxVariantCatalog.All.Max(v => v.Name.Length);
        lines.Should().Equal(SandboxVariantCatalog.All.Select(v => $"{v.Name.PadRight(width)}  {v.Clause}  {v.Description}"));
        lines[0].Should().MatchRegex(@"^token-type-capitalized\s+RFC 6749 §5\.1");
    }

    [Test]
    public async Task Help_describes_the_variant_options()
    {
        var (code, output, _) = await Run("--help");
        code.Should().Be(0);
        output.Should().ContainAll("--variants", "--list-variants", "RATOR_SANDBOX_VARIANTS", "all");
    }

    [TestCase("--variants", "no-such-variant")]
    [TestCase("--variants", "no-refresh-rotation", "--defects", "rotated-refresh-token-reusable")]
    [TestCase("--variants", "all", "--defects", "error-description-localized")]
    [TestCase("--variants")]
    public async Task Bad_variants_are_one_line_on_stderr_and_exit_2(params string[] args)
    {
        var (code, output, error) = await Run(args);

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("rator-sandbox: ");
        error.Should().NotContain("   at ");
    }

    [Test]
    public async Task A_conflict_on_the_command_line_names_both()
    {
        var (_, _, error) = await Run("--variants", "form-only-parameters", "--defects", "cc-brand-query-ignored");
        error.Should().Contain("form-only-parameters").And.Contain("cc-brand-query-ignored");
    }

    [Test]
    public async Task The_standalone_start_prints_the_active_variants()
    {
        var (code, output, error) = await Run("--urls", "http://127.0.0.1:0", "--variants", "scope-omitted,jwt-access-tokens");

        code.Should().Be(0);
        error.Should().BeEmpty();
        output.Should().Contain("variants: scope-omitted, jwt-access-tokens");

        var (_, plain, _) = await Run("--urls", "http://127.0.0.1:0");
        plain.Should().Contain("variants: none");
    }

    [Test]
    public async Task A_reshaping_variant_needs_the_fixture_it_reshapes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rator-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            { "brands": [{ "key": "BRAND1" }],
              "clients": [{ "clientId": "c", "secret": "s", "brands": ["BRAND1"], "grants": ["password"],
                            "accessTokenValiditySeconds": 60, "refreshTokenValiditySeconds": 60 }] }
            """);
        try
        {
            var start = () => SandboxHost.StartAsync(new SandboxOptions { SeedPath = path, Variants = ["restricted-client-reshaped"] });
            (await start.Should().ThrowAsync<SandboxConfigurationException>()).Which.Message.Should().Contain("rator-restricted");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
