namespace Rator.Sandbox.Tests;

/// <summary>The brand at the token endpoint and at resources (BK-*).</summary>
public sealed class BrandKeyTests : SandboxTestBase
{
    private static readonly (string, string)[] AliceForm =
        [("grant_type", "password"), ("username", "alice.b1"), ("password", "Alice-Pass-1")];

    private Task<Reply> Token(IEnumerable<(string, string)> form, IEnumerable<(string, string)>? query = null) =>
        Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), form, query);

    [TestCase("brand_key", true)]
    [TestCase("brandKey", true)]
    [TestCase("brand_key", false)]
    [TestCase("brandKey", false)]
    public async Task Both_names_work_in_both_places(string name, bool inQuery)
    {
        var reply = inQuery ? await Token(AliceForm, [(name, "BRAND1")]) : await Token([.. AliceForm, (name, "BRAND1")]);
        reply.Status.Should().Be(200);
    }

    [Test]
    public async Task A_missing_or_empty_brand_is_400_invalid_request_without_a_token()
    {
        var missing = await Token(AliceForm);
        var empty = await Token(AliceForm, [("brand_key", "")]);

        foreach (var reply in new[] { missing, empty })
        {
            reply.Status.Should().Be(400);
            reply.Error.Should().Be("invalid_request");
            reply.AccessToken.Should().BeNull();
        }
    }

    [Test]
    public async Task The_brand_is_mandatory_for_every_grant()
    {
        var first = await Api.TokensForAsync(Fixtures.Alice);
        var replies = new[]
        {
            await Token([("grant_type", "operator_password"), ("username", "op.b1"), ("password", "Op-Pass-1")]),
            await Token([("grant_type", "client_credentials"), ("operator", "op.b1")]),
            await Token([("grant_type", "refresh_token"), ("refresh_token", first.RefreshToken!)]),
        };
        replies.Should().OnlyContain(r => r.Status == 400 && r.Error == "invalid_request");
    }

    [Test]
    public async Task Conflicting_brands_are_rejected()
    {
        var queryAndBody = await Token([.. AliceForm, ("brand_key", "BRAND2")], [("brand_key", "BRAND1")]);
        var twoNames = await Token([.. AliceForm, ("brandKey", "BRAND2")], [("brand_key", "BRAND1")]);
        var bothInQuery = await Token(AliceForm, [("brand_key", "BRAND1"), ("brandKey", "BRAND2")]);

        foreach (var reply in new[] { queryAndBody, twoNames, bothInQuery })
        {
            reply.Status.Should().Be(400);
            reply.Error.Should().Be("invalid_request");
            reply.AccessToken.Should().BeNull();
        }
    }

    [Test]
    public async Task The_same_brand_under_both_names_is_not_a_conflict()
    {
        (await Token([.. AliceForm, ("brandKey", "BRAND1")], [("brand_key", "BRAND1")])).Status.Should().Be(200);
    }

    [Test]
    public async Task The_same_brand_name_twice_is_a_duplicate_parameter()
    {
        var reply = await Token([.. AliceForm, ("brand_key", "BRAND1")], [("brand_key", "BRAND1")]);
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_request");
    }

    [TestCase("NOPE")]
    [TestCase("brand1")]
    [TestCase("BRAND1'--")]
    [TestCase("<script>")]
    [TestCase("BRÄND1")]
    [TestCase("B R A N D")]
    public async Task Unknown_or_odd_brands_get_a_clean_400(string brand)
    {
        var reply = await Token(AliceForm, [("brand_key", brand)]);

        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_request");
        reply.Body.Should().NotContain(brand);
    }

    [Test]
    public async Task A_very_long_brand_gets_a_clean_400()
    {
        var reply = await Token(AliceForm, [("brand_key", new string('B', 3000))]);
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_request");
    }

    [Test]
    public async Task A_client_registered_for_one_brand_cannot_get_tokens_for_the_other()
    {
        var reply = await Api.PasswordAsync(Fixtures.Carol, client: Fixtures.Restricted);
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("unauthorized_client");
    }

    [Test]
    public async Task An_operator_is_only_valid_for_his_own_brand()
    {
        var reply = await Api.OperatorAsync(Fixtures.Op1, brand: Fixtures.Brand2);
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_grant");
    }

    [Test]
    public async Task Resources_require_the_brand_header()
    {
        var token = await Api.AccessTokenForAsync(Fixtures.Alice);
        var reply = await Api.BalanceAsync(token, null, Fixtures.Alice.BillingGroupId!);

        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_request");
        reply.Body.Should().NotContain("balance\"");
    }

    [TestCase("x-rator-brand-key")]
    [TestCase("X-RATOR-BRAND-KEY")]
    [TestCase("X-Rator-Brand-Key")]
    public async Task The_brand_header_name_is_case_insensitive(string name)
    {
        var token = await Api.AccessTokenForAsync(Fixtures.Alice);
        var reply = await Api.BalanceAsync(token, null, Fixtures.Alice.BillingGroupId!,
            r => r.Headers.TryAddWithoutValidation(name, "BRAND1"));
        reply.Status.Should().Be(200);
    }

    [TestCase("NOPE")]
    [TestCase("")]
    [TestCase("BRAND1, BRAND2")]
    public async Task An_unknown_empty_or_double_brand_header_is_400(string value)
    {
        var token = await Api.AccessTokenForAsync(Fixtures.Alice);
        var reply = await Api.BalanceAsync(token, value, Fixtures.Alice.BillingGroupId!);
        reply.Status.Should().Be(400);
    }

    [Test]
    public async Task A_token_of_one_brand_is_refused_with_the_other_brand_s_header()
    {
        var token = await Api.AccessTokenForAsync(Fixtures.Alice);
        var own = await Api.BalanceAsync(token, "BRAND2", Fixtures.Alice.BillingGroupId!);
        var other = await Api.BalanceAsync(token, "BRAND2", Fixtures.Carol.BillingGroupId!);

        foreach (var reply in new[] { own, other })
        {
            reply.Status.Should().Be(403);
            reply.Error.Should().Be("access_denied");
            reply.Body.Should().NotContain("balance\"");
        }
    }

    [Test]
    public async Task An_operator_token_is_bound_to_its_brand_too()
    {
        var op = await Api.OperatorAsync(Fixtures.Op1);
        (await Api.BalanceAsync(op.AccessToken, "BRAND2", Fixtures.Carol.BillingGroupId!)).Status.Should().Be(403);
    }
}
