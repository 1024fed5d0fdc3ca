using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Discovery;

namespace Rator.Contract.Tests.Unit.Discovery;

/// <summary>From answers to choices: what discovery declares, and where it refuses to guess.</summary>
public sealed class DiscoveryInferenceTests
{
    private static readonly ProbeAnswer Token = new(200, AccessToken: "a-1", RefreshToken: "r-1", ExpiresIn: 1799);
    private static readonly ProbeAnswer MissingBrand = new(400, "invalid_request");

    private static List<(BrandForm, ProbeAnswer)> Tries(params bool[] accepted) =>
        BrandForm.All.Select((f, i) => (f, accepted[i] ? Token : MissingBrand)).ToList();

    [TestCase(true, true, true, true, "brand_key", "query")]
    [TestCase(false, true, false, true, "brand_key", "form")]
    [TestCase(false, false, true, true, "brandKey", "query")]
    [TestCase(false, false, false, true, "brandKey", "form")]
    public void The_brand_form_declared_is_the_first_accepted_in_the_vendors_order(bool snakeQuery, bool snakeForm, bool camelQuery, bool camelForm, string name, string place)
    {
        var finding = DiscoveryInference.BrandParameter(Tries(snakeQuery, snakeForm, camelQuery, camelForm), MissingBrand);

        finding.Value!.ToJsonString().Should().Be(new JsonObject { ["name"] = name, ["place"] = place }.ToJsonString());
        finding.Note.Should().Contain("no brand at all → 400 invalid_request").And.NotContain("a-1", "tokens are never written");
    }

    [Test]
    public void A_token_issued_without_any_brand_leaves_the_form_unsettled()
    {
        var finding = DiscoveryInference.BrandParameter(Tries(true, true, true, true), Token);

        finding.Settled.Should().BeFalse();
        finding.Note.Should().Contain("without any brand");
    }

    [Test]
    public void Rejection_statuses_are_the_refusals_seen_and_an_acceptance_settles_nothing()
    {
        DiscoveryInference.TokenEndpointRejection(MissingBrand, new ProbeAnswer(401, "invalid_client")).Value!.ToJsonString().Should().Be("[400,401]");
        DiscoveryInference.ResourceRejection(new ProbeAnswer(403), new ProbeAnswer(403)).Value!.ToJsonString().Should().Be("[403]");
        DiscoveryInference.ResourceRejection(new ProbeAnswer(200), new ProbeAnswer(403)).Settled.Should().BeFalse();
    }

    [Test]
    public void Client_credentials_is_offered_with_the_operator_that_got_a_token()
    {
        var (offered, @operator) = DiscoveryInference.ClientCredentials(MissingBrand, Token with { RefreshToken = null }, "op.b1");
        offered.Value!.GetValue<bool>().Should().BeTrue();
        @operator.Value!.GetValue<string>().Should().Be("op.b1");

        var (absent, none) = DiscoveryInference.ClientCredentials(new ProbeAnswer(400, "unsupported_grant_type"), null, null);
        absent.Value!.GetValue<bool>().Should().BeFalse();
        none.Settled.Should().BeFalse();

        var (unknown, _) = DiscoveryInference.ClientCredentials(new ProbeAnswer(400, "unauthorized_client"), null, null);
        unknown.Settled.Should().BeFalse("the primary client may just lack the grant");
    }

    [TestCase("r-2", true)]
    [TestCase("r-1", false)]
    [TestCase(null, false)]
    public void Rotation_is_a_new_refresh_token(string? newRefresh, bool rotated)
    {
        DiscoveryInference.RefreshRotation("r-1", Token with { RefreshToken = newRefresh }).Value!.GetValue<bool>().Should().Be(rotated);
        DiscoveryInference.RefreshRotation("r-1", new ProbeAnswer(400, "invalid_grant")).Settled.Should().BeFalse();
    }

    [TestCase(200, 401, true)]
    [TestCase(200, 200, false)]
    [TestCase(404, 401, true)]
    [TestCase(404, 404, false)]
    public void The_old_access_token_dies_on_refresh_when_it_then_gets_401(int before, int after, bool revoked)
    {
        DiscoveryInference.AccessTokenRevokedOnRefresh(new ProbeAnswer(before), new ProbeAnswer(after)).Value!.GetValue<bool>().Should().Be(revoked);
    }

    [Test]
    public void A_token_that_never_worked_or_a_changed_refusal_settles_no_revocation()
    {
        DiscoveryInference.AccessTokenRevokedOnRefresh(new ProbeAnswer(401), new ProbeAnswer(401)).Settled.Should().BeFalse();
        DiscoveryInference.AccessTokenRevokedOnRefresh(new ProbeAnswer(200), new ProbeAnswer(403)).Settled.Should().BeFalse();
    }

    [Test]
    public void The_validity_is_the_largest_expires_in()
    {
        DiscoveryInference.AccessTokenValidity([Token, Token with { ExpiresIn = 1800 }, MissingBrand]).Value!.GetValue<long>().Should().Be(1800);
        DiscoveryInference.AccessTokenValidity([Token with { ExpiresIn = null }]).Settled.Should().BeFalse();
    }

    [Test]
    public void Answers_print_without_tokens()
    {
        Token.ToString().Should().Be("200 with an access token and a refresh token, expires_in 1799");
        ProbeAnswer.From(401, "{\"error\":\"invalid_client\"}").ToString().Should().Be("401 invalid_client");
        ProbeAnswer.From(502, "<html>").ToString().Should().Be("502");
    }

    [Test]
    public void The_draft_follows_the_schema_writes_secrets_as_references_and_lists_what_is_unsettled()
    {
        var credentials = new DiscoveryCredentials
        {
            ClientId = "web", ClientSecret = "Zq-Secret-41", Brand = "BRAND1", Username = "alice", Password = "Zq-Pass-77",
        };
        Finding[] findings =
        [
            new("target.baseUrl", "https://rator.example/rator", "as given"),
            DiscoveryInference.BrandParameter(Tries(false, true, false, true), MissingBrand),
            new("tokenEndpoint.clientCredentials.offered", true, "offered"),
            new("tokenEndpoint.clientCredentials.operator", null, "no operator known"),
            DiscoveryInference.RefreshRotation("r-1", Token),
            DiscoveryInference.AccessTokenValidity([Token]),
        ];

        var draft = DraftEnvironment.Build(new DiscoveryResult(new Uri("https://rator.example/rator/"), findings, 7), credentials, "staging", "./environment.schema.json");
        var text = DraftEnvironment.Text(draft);

        using var document = JsonDocument.Parse(text);
        EnvironmentSchema.Default.Problems(document.RootElement).Should().BeEmpty();
        text.Should().NotContain("Zq-").And.Contain("${RATOR_DISCOVER_CLIENT_SECRET}").And.Contain("${RATOR_DISCOVER_PASSWORD}");
        draft["tokenEndpoint"]!["brandParameter"]!["place"]!.GetValue<string>().Should().Be("form");
        draft["tokenEndpoint"]!["_found"]!["brandParameter"].Should().NotBeNull();
        draft["tokenEndpoint"]!["clientCredentials"]!["offered"].Should().BeNull("offered without an operator would not load: it waits in _todo");
        draft["tokenEndpoint"]!["clientCredentials"]!["_todo"]!.AsArray().Select(n => n!.GetValue<string>())
            .Should().Contain(t => t.StartsWith("offered:")).And.Contain(t => t.StartsWith("operator:"));
        draft["principals"]!["BRAND1"]!["operator"].Should().BeNull("no operator was given");
        var profile = new EnvironmentLoader(new Support.Evidence.SecretRedactor(), variables: v => v.StartsWith("RATOR_DISCOVER_", StringComparison.Ordinal) ? "value-of-" + v : null)
            .Parse(text, "staging");
        profile.TokenEndpoint.ClientCredentials.Offered.Should().BeFalse();
        profile.Clients.Primary.AccessTokenValidity.Should().Be(TimeSpan.FromSeconds(1799));
    }

    [Test]
    public void Missing_variables_are_named_at_once_and_a_half_given_operator_too()
    {
        var act = () => DiscoveryCredentials.FromVariables(v => v switch
        {
            DiscoveryCredentials.ClientIdVariable => "web",
            DiscoveryCredentials.ClientSecretVariable => "Zq-Secret-41",
            DiscoveryCredentials.OperatorUsernameVariable => "op",
            _ => null,
        });

        act.Should().Throw<DiscoveryUsageException>().Which.Message.Should()
            .Contain("RATOR_DISCOVER_BRAND, RATOR_DISCOVER_USERNAME, RATOR_DISCOVER_PASSWORD, RATOR_DISCOVER_OPERATOR_PASSWORD")
            .And.NotContain("Zq-Secret-41");
    }
}
