using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Unit.Configuration;

public sealed class EnvironmentLoaderTests
{
    private static readonly Dictionary<string, string> StagingVariables = new()
    {
        ["RATOR_STAGING_PRIMARY_CLIENT_SECRET"] = "zq-primary-7Hx!",
        ["RATOR_STAGING_SECOND_CLIENT_SECRET"] = "zq-second-8Jy!",
        ["RATOR_STAGING_SHORT_CLIENT_SECRET"] = "zq-short-9Kz!",
        ["RATOR_STAGING_RESTRICTED_CLIENT_SECRET"] = "zq-restricted-1La!",
        ["RATOR_STAGING_SERVICE_CLIENT_SECRET"] = "zq-service-2Lb!",
        ["RATOR_STAGING_B1_CUSTOMER_PASSWORD"] = "zq-cust-b1-2Mb!",
        ["RATOR_STAGING_B1_OTHER_CUSTOMER_PASSWORD"] = "zq-other-b1-3Nc!",
        ["RATOR_STAGING_B1_LOCKED_PASSWORD"] = "zq-locked-b1-4Od!",
        ["RATOR_STAGING_B1_OPERATOR_PASSWORD"] = "zq-op-b1-5Pe!",
        ["RATOR_STAGING_B1_ADMIN_PASSWORD"] = "zq-admin-b1-6Qf!",
        ["RATOR_STAGING_B2_CUSTOMER_PASSWORD"] = "zq-cust-b2-7Rg!",
        ["RATOR_STAGING_B2_OPERATOR_PASSWORD"] = "zq-op-b2-8Sh!",
    };

    [Test]
    public void Local_environment_is_the_embedded_sandbox_with_every_fixture()
    {
        var redactor = new SecretRedactor();

        var profile = RepositoryEnvironments.Loader(redactor).Load("local");

        profile.Name.Should().Be("local");
        profile.IsEmbeddedSandbox.Should().BeTrue();
        profile.BaseUrl.Should().BeNull("the sandbox's URL is known once the hook started it");
        profile.RequestTimeout.Should().Be(TimeSpan.FromSeconds(30));
        profile.TokenEndpoint.BrandParameter.Should().Be(new BrandParameter("brand_key", ParameterPlace.Query));
        profile.TokenEndpoint.ClientCredentials.Should().Be(new ClientCredentialsSettings(true, "op.b1"));
        profile.Brands.All.Should().Equal("BRAND1", "BRAND2");
        profile.Clients.Primary.Should().Match<OAuthClient>(c => c.Id == "rator-web" && c.Secret == "Web-Secret-1");
        profile.Clients.Second!.Secret.Should().Be("Partner:Secret+2&=%/x");
        profile.Clients.ShortLived!.AccessTokenValidity.Should().Be(TimeSpan.FromSeconds(2));
        profile.Clients.Restricted!.Grants.Should().Equal("password", "refresh_token");
        profile.RequirePrincipal(BrandRole.Primary, PrincipalRole.Customer).BillingGroupId.Should().Be("201506171857210002");
        profile.RequirePrincipal("BRAND2", PrincipalRole.Operator).Username.Should().Be("op.b2");
        profile.Clients.Find(ClientRole.BruteForce)!.Id.Should().Be("rator-lockout");
        profile.Clients.ServiceOnly!.Grants.Should().Equal("client_credentials");
        profile.RequirePrincipal("BRAND1", PrincipalRole.BruteForceCustomer).Username.Should().Be("lockout.b1");
        profile.RequirePrincipal("BRAND1", PrincipalRole.TimingCustomer).Username.Should().Be("timing.b1");
        profile.Principals.All.Should().HaveCount(10);
        profile.SecretValues.Should().HaveCount(16, "6 client secrets and 10 passwords");
        profile.Secrets.Select(s => s.Name).Should().Contain(["$.clients.second.secret", "$.principals.BRAND2.operator.password"]);
        profile.Secrets[0].ToString().Should().StartWith("secret $.").And.NotContain("Secret-");
        redactor.SecretCount.Should().Be(16);
    }

    [Test]
    public void Default_selection_is_local_unless_RATOR_ENVIRONMENT_says_otherwise()
    {
        var redactor = new SecretRedactor();
        RepositoryEnvironments.Loader(redactor).Load().Name.Should().Be("local");

        var variables = new Dictionary<string, string>(StagingVariables) { [EnvironmentLoader.SelectionVariable] = "staging.example" };
        RepositoryEnvironments.Loader(redactor, variables).Load().Name.Should().Be("staging");
    }

    [Test]
    public void Staging_template_resolves_every_secret_from_variables_and_registers_them()
    {
        var redactor = new SecretRedactor();

        var profile = RepositoryEnvironments.Loader(redactor, StagingVariables).Load("staging.example");

        profile.BaseUrl.Should().Be(new Uri("https://staging.example.com/rator/"));
        profile.TokenEndpointUrl.Should().Be(new Uri("https://staging.example.com/rator/oauth/token"));
        profile.Clients.Primary.Secret.Should().Be("zq-primary-7Hx!");
        profile.SecretValues.Should().BeEquivalentTo(StagingVariables.Values);
        redactor.Redact("secret=zq-op-b2-8Sh! and zq-short-9Kz!").Should().NotContain("zq-");
        profile.Policy.IsGating("PW-02").Should().BeTrue();
        profile.Policy.TryGetKnownIssue("SH-01", out var reason).Should().BeTrue();
        reason.Should().Contain("RATOR-1234");
    }

    [Test]
    public void Every_missing_variable_is_listed_by_name_in_one_message_and_no_value_is_shown()
    {
        var partial = StagingVariables.Where(v => !v.Key.Contains("B1_")).ToDictionary();

        var act = () => RepositoryEnvironments.Loader(new SecretRedactor(), partial).Load("staging.example");

        var error = act.Should().Throw<EnvironmentConfigurationException>().Which;
        error.MissingVariables.Should().Equal(
            "RATOR_STAGING_B1_ADMIN_PASSWORD", "RATOR_STAGING_B1_CUSTOMER_PASSWORD", "RATOR_STAGING_B1_LOCKED_PASSWORD",
            "RATOR_STAGING_B1_OPERATOR_PASSWORD", "RATOR_STAGING_B1_OTHER_CUSTOMER_PASSWORD");
        foreach (var name in error.MissingVariables)
        {
            error.Message.Should().Contain(name);
        }

        error.Message.Should().Contain("$.principals.BRAND1.operator.password");
        error.Message.Split('\n').Should().HaveCountGreaterThan(5, "one problem per line");
        foreach (var value in partial.Values)
        {
            error.Message.Should().NotContain(value);
        }
    }

    [Test]
    public void A_path_selects_a_file_anywhere()
    {
        var path = Path.Combine(RepositoryEnvironments.Directory, "local.json");

        var profile = RepositoryEnvironments.Loader(new SecretRedactor()).Load(path);

        profile.SourcePath.Should().Be(path);
    }

    [Test]
    public void An_unknown_name_says_which_environments_exist()
    {
        var act = () => RepositoryEnvironments.Loader(new SecretRedactor()).Load("stagin");

        act.Should().Throw<EnvironmentConfigurationException>()
            .WithMessage("*unknown environment*stagin.json*known: local, staging.example*");
    }

    [Test]
    public void A_missing_file_path_is_named()
    {
        var act = () => RepositoryEnvironments.Loader(new SecretRedactor()).Load("./nowhere/prod.json");

        act.Should().Throw<EnvironmentConfigurationException>().WithMessage("*no environment file at*prod.json*");
    }

    [Test]
    public void Unknown_keys_are_reported_with_their_json_path_and_comments_are_allowed()
    {
        var json = Minimal("""
            "_comment": "fine",
            "requestTimeout": 30,
            "tokenEndpoint": { "brandParamter": { "name": "brand_key" }, "_note": "fine" },
            "clients": { "primary": { "id": "a", "secret": "s3cret-value", "scope": "x" }, "third": { "id": "b", "secret": "c" } },
            """);

        var error = Parse(json);

        error.Problems.Should().Contain(p => p.StartsWith("$.requestTimeout: unknown key"));
        error.Problems.Should().Contain(p => p.StartsWith("$.tokenEndpoint.brandParamter: unknown key") && p.Contains("brandParameter"));
        error.Problems.Should().Contain(p => p.StartsWith("$.clients.primary.scope: unknown key"));
        error.Problems.Should().Contain(p => p.StartsWith("$.clients.third: unknown key"));
        error.Problems.Should().NotContain(p => p.Contains("_comment") || p.Contains("_note"));
    }

    [TestCase("http://staging.example.com/rator", false, true)]
    [TestCase("http://staging.example.com/rator", true, false)]
    [TestCase("http://127.0.0.1:8080/rator", false, false)]
    [TestCase("http://localhost:8080/rator", false, false)]
    [TestCase("http://[::1]:8080/rator", false, false)]
    [TestCase("https://staging.example.com/rator", false, false)]
    public void Plain_http_to_a_remote_host_is_refused_unless_allowed(string url, bool allowInsecure, bool refused)
    {
        var json = $$"""
            { "target": { "baseUrl": "{{url}}" }, "allowInsecureHttp": {{(allowInsecure ? "true" : "false")}},
              "brands": { "primary": "BRAND1" }, "clients": { "primary": { "id": "a", "secret": "s3cret-value" } } }
            """;
        var act = () => Loader().Parse(json, "t");

        if (refused)
        {
            act.Should().Throw<EnvironmentConfigurationException>().WithMessage("*$.target.baseUrl: plain http://*allowInsecureHttp*");
        }
        else
        {
            act.Should().NotThrow();
        }
    }

    [Test]
    public void Malformed_values_are_all_reported_together()
    {
        var json = """
            {
              "target": { "baseUrl": "staging.example.com/rator" },
              "requestTimeoutSeconds": 0,
              "intrusiveProbes": "yes",
              "tokenEndpoint": {
                "path": "https://elsewhere/oauth/token",
                "brandParameter": { "name": "brand", "place": "header" },
                "clientCredentials": { "offered": true },
                "brandRejectionStatus": [400, 200]
              },
              "resources": { "balance": { "path": "api/balance" } },
              "brands": { "primary": "BRAND1", "secondary": "BRAND 2" },
              "clients": { "primary": { "id": "", "secret": "s3cret-value", "accessTokenValiditySeconds": -1, "brands": ["BRAND3"] } },
              "principals": { "BRAND9": { "customer": { "username": "x", "password": "p4ssword" } } },
              "policy": { "gating": ["pw2"], "knownIssues": { "SH-01": "" } }
            }
            """;

        var error = Parse(json);

        string[] expected =
        [
            "$.target.baseUrl: not an absolute http:// or https:// URL",
            "$.requestTimeoutSeconds: 0 is out of range (1 to 300)",
            "$.intrusiveProbes: expected true or false, found a string",
            "$.tokenEndpoint.path: must be a path relative to the base URL",
            "$.tokenEndpoint.brandParameter.name: 'brand' is not a brand parameter name",
            "$.tokenEndpoint.brandParameter.place: 'header' is not a place (query or form)",
            "$.tokenEndpoint.clientCredentials.operator: missing",
            "$.tokenEndpoint.brandRejectionStatus[1]: expected a whole number from 400 to 499, found the number 200",
            "$.resources.balance.path: must contain the {id} placeholder",
            "$.brands.secondary: a brand key is a word",
            "$.clients.primary.id: must not be empty",
            "$.clients.primary.accessTokenValiditySeconds: -1 is out of range",
            "$.clients.primary.brands: 'BRAND3' is not a declared brand",
            "$.principals.BRAND9: principals of 'BRAND9', which is not a declared brand",
            "$.policy.gating[0]: 'pw2' is not a requirement ID",
            "$.policy.knownIssues.SH-01: give the reason",
        ];
        foreach (var problem in expected)
        {
            error.Problems.Should().Contain(p => p.StartsWith(problem), $"'{problem}' should be reported");
        }

        error.Message.Should().Contain($"{error.Problems.Count} problems");
    }

    [Test]
    public void Roles_must_refer_to_declared_brands()
    {
        var json = Minimal("""
            "clients": { "primary": { "id": "a", "secret": "s3cret-value", "brands": ["BRAND1", "BRAND7"] } },
            "principals": { "BRAND2": { "customer": { "username": "c", "password": "p4ssword" } } },
            """);

        var error = Parse(json);

        error.Problems.Should().Contain(p => p.StartsWith("$.clients.primary.brands: 'BRAND7' is not a declared brand"));
        error.Problems.Should().Contain(p => p.StartsWith("$.principals.BRAND2: principals of 'BRAND2', which is not a declared brand"));
    }

    [Test]
    public void Mandatory_parts_are_named_when_absent()
    {
        var error = Parse("""{ "clients": { "second": { "id": "b", "secret": "s3cret-value" } } }""");

        error.Problems.Should().Contain(p => p.StartsWith("$.target: missing"));
        error.Problems.Should().Contain(p => p.StartsWith("$.brands: missing"));
        error.Problems.Should().Contain(p => p.StartsWith("$.clients.primary: missing"));
    }

    [Test]
    public void Target_is_either_the_embedded_sandbox_or_a_base_url()
    {
        Parse(Minimal("", """{ "embeddedSandbox": true, "baseUrl": "https://x/rator" }""")).Problems
            .Should().Contain(p => p.StartsWith("$.target.baseUrl: give either"));
        Parse(Minimal("", "{}")).Problems.Should().Contain(p => p.StartsWith("$.target.baseUrl: missing"));
        Parse(Minimal("", """{ "baseUrl": "" }""")).Problems.Should().Contain("$.target.baseUrl: must not be empty");
        Parse(Minimal("", """{ "baseUrl": "${RATOR_TEST_UNSET_URL}" }""")).MissingVariables.Should().Equal("RATOR_TEST_UNSET_URL");
        Parse(Minimal("", """{ "baseUrl": "https://x/rator?debug=1" }""")).Problems
            .Should().Contain(p => p.StartsWith("$.target.baseUrl: must not carry a query"));
    }

    [Test]
    public void Variables_resolve_anywhere_in_a_string_and_malformed_references_are_reported()
    {
        var json = Minimal("""
            "clients": { "primary": { "id": "web-${SUFFIX}", "secret": "pre-${SECRET_PART}-post" } },
            "description": "${BROKEN",
            """, """{ "baseUrl": "https://${HOST}/rator" }""");
        var redactor = new SecretRedactor();

        var act = () => Loader(redactor, new() { ["SUFFIX"] = "eu", ["SECRET_PART"] = "middle-part-42", ["HOST"] = "api.example.org" }).Parse(json, "t");

        act.Should().Throw<EnvironmentConfigurationException>().Which.Problems
            .Should().ContainSingle().Which.Should().StartWith("$.description: malformed variable reference");
        redactor.Redact("pre-middle-part-42-post").Should().Be(SecretRedactor.Mask);
        redactor.Redact("only middle-part-42").Should().Be("only " + SecretRedactor.Mask, "a secret's variable part is a secret too");

        var profile = Loader(new SecretRedactor(), new() { ["SUFFIX"] = "eu", ["SECRET_PART"] = "middle-part-42", ["HOST"] = "api.example.org" })
            .Parse(json.Replace("${BROKEN", "fine"), "t");
        profile.Clients.Primary.Id.Should().Be("web-eu");
        profile.Clients.Primary.Secret.Should().Be("pre-middle-part-42-post");
        profile.BaseUrl.Should().Be(new Uri("https://api.example.org/rator/"));
    }

    [Test]
    public void Invalid_json_names_line_and_column()
    {
        var act = () => Loader().Parse("{\n  \"name\": \"x\",\n  \"target\": { oops }\n}", "broken");

        act.Should().Throw<EnvironmentConfigurationException>().WithMessage("*not valid JSON at line 3*");
    }

    [Test]
    public void A_missing_role_says_which_one_and_where_it_would_be_declared()
    {
        var profile = Loader().Parse(Minimal(""), "minimal");

        profile.TryGetClient(ClientRole.Second, out _).Should().BeFalse();
        profile.Clients.Second.Should().BeNull();
        var act = () => profile.RequireClient(ClientRole.Second);
        act.Should().Throw<MissingRoleException>()
            .Which.Message.Should().Be("The environment 'minimal' declares no second client (clients.second); scenarios that need one are skipped.");
        var brand = () => profile.RequireBrand(BrandRole.Secondary);
        brand.Should().Throw<MissingRoleException>().Which.Key.Should().Be("brands.secondary");
        var principal = () => profile.RequirePrincipal(BrandRole.Primary, PrincipalRole.Operator);
        principal.Should().Throw<MissingRoleException>().Which.Role.Should().Be("operator of BRAND1");
    }

    [Test]
    public void Defaults_follow_the_seed_page_and_spring()
    {
        var profile = Loader().Parse(Minimal(""), "minimal");

        profile.TokenEndpoint.Path.Should().Be("oauth/token");
        profile.TokenEndpoint.BrandParameter.Should().Be(BrandParameter.Default);
        profile.TokenEndpoint.OperatorGrantType.Should().Be("operator_password");
        profile.TokenEndpoint.ClientCredentials.Offered.Should().BeFalse();
        profile.TokenEndpoint.BrandRejectionStatus.Should().Equal(400);
        profile.Resources.BrandRejectionStatus.Should().Equal(400, 401, 403);
        profile.IntrusiveProbes.Should().BeFalse();
        profile.Policy.Gating.Should().BeEmpty();
    }

    [Test]
    public void A_null_operator_only_resource_means_the_deployment_has_none()
    {
        var none = Loader().Parse(Minimal("""  "resources": { "operatorOnly": null }, """), "t");
        var custom = Loader().Parse(Minimal("""  "resources": { "operatorOnly": { "path": "api/operators/customers/{id}" } }, """), "t");

        none.Resources.OperatorOnly.Should().BeNull();
        custom.Resources.OperatorOnly!.Path.Should().Be("api/operators/customers/{id}");
        Loader().Parse(Minimal(""), "t").Resources.OperatorOnly!.Path.Should().Be("api/customers/{id}");
    }

    [Test]
    public void WithBaseUrl_aims_an_embedded_profile_at_the_started_sandbox()
    {
        var profile = RepositoryEnvironments.Loader(new SecretRedactor()).Load("local");
        var requireBeforeStart = () => profile.RequireBaseUrl();
        requireBeforeStart.Should().Throw<InvalidOperationException>().WithMessage("*embedded sandbox*WithBaseUrl*");

        var started = profile.WithBaseUrl(new Uri("http://127.0.0.1:41234/rator"));

        started.TokenEndpointUrl.Should().Be(new Uri("http://127.0.0.1:41234/rator/oauth/token"));
        started.ResourceUrl(started.Resources.Balance, "201506171857210002")
            .Should().Be(new Uri("http://127.0.0.1:41234/rator/api/billing-groups/201506171857210002/balance"));
        profile.BaseUrl.Should().BeNull("profiles are immutable");
    }

    [Test]
    public void Models_never_print_their_secrets()
    {
        var profile = RepositoryEnvironments.Loader(new SecretRedactor()).Load("local");

        var printed = string.Join("\n", profile.ToString(), profile.Clients.Primary, profile.RequirePrincipal("BRAND1", PrincipalRole.Customer));

        printed.Should().NotContain("Web-Secret-1").And.NotContain("Alice-Pass-1");
        profile.Clients.Primary.ToString().Should().Be("primary client rator-web");
    }

    private static EnvironmentLoader Loader(SecretRedactor? redactor = null, Dictionary<string, string>? variables = null) =>
        new(redactor ?? new SecretRedactor(), Path.GetTempPath(), n => variables is not null && variables.TryGetValue(n, out var v) ? v : null);

    private static EnvironmentConfigurationException Parse(string json)
    {
        var act = () => Loader().Parse(json, "test");
        return act.Should().Throw<EnvironmentConfigurationException>().Which;
    }

    /// <summary>A valid file's mandatory parts, with <paramref name="extra"/> members (ending in a comma) in front.</summary>
    private static string Minimal(string extra, string target = """{ "baseUrl": "https://rator.example.com/rator" }""")
    {
        var hasClients = extra.Contains("\"clients\"");
        return "{" + extra + $$"""
              "target": {{target}},
              "brands": { "primary": "BRAND1" }
              {{(hasClients ? "" : """, "clients": { "primary": { "id": "a", "secret": "s3cret-value" } }""")}}
            }
            """;
    }
}
