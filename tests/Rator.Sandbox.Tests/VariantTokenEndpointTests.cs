namespace Rator.Sandbox.Tests;

/// <summary>The token-endpoint variants in detail: what changes, what stays, and which defect still wins.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class VariantTokenEndpointTests
{
    private static readonly string Web = SandboxClient.Basic(Fixtures.Web);
    private static readonly (string, string)[] AliceForm =
        [("grant_type", "password"), ("username", "alice.b1"), ("password", "Alice-Pass-1")];
    private static readonly (string, string)[] Brand1Query = [("brand_key", Fixtures.Brand1)];

    [Test]
    public async Task Jwt_access_tokens_carry_the_binding_and_still_work_at_the_resources()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("jwt-access-tokens");
        var reply = await s.Client.PasswordAsync(Fixtures.Alice);

        var jwt = reply.AccessToken!;
        jwt.Split('.').Should().HaveCount(3).And.OnlyContain(part => System.Text.RegularExpressions.Regex.IsMatch(part, "^[A-Za-z0-9_-]+$"));
        var claims = VariantProbes.JwtPayload(jwt);
        claims.GetProperty("iss").GetString().Should().Be(s.Host.BaseUrl.AbsoluteUri.TrimEnd('/'));
        claims.GetProperty("sub").GetString().Should().Be("alice.b1");
        claims.GetProperty("client_id").GetString().Should().Be("rator-web");
        claims.GetProperty("brand").GetString().Should().Be("BRAND1");
        claims.GetProperty("scope").GetString().Should().Be("read write");
        (claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64()).Should().Be(1800);
        System.Buffers.Text.Base64Url.DecodeFromChars(claims.GetProperty("jti").GetString()).Should().HaveCount(32);
        reply.RefreshToken.Should().MatchRegex("^[A-Za-z0-9_-]{43}$", "refresh tokens stay opaque");

        (await s.Client.BalanceAsync(jwt, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(200);
        var tampered = jwt[..^2] + (jwt[^2] == 'A' ? "BB" : "AA");
        (await s.Client.BalanceAsync(tampered, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(401);
        var again = await s.Client.PasswordAsync(Fixtures.Alice);
        VariantProbes.JwtPayload(again.AccessToken!).GetProperty("jti").GetString().Should().NotBe(claims.GetProperty("jti").GetString());
    }

    [Test]
    public async Task Hex_refresh_tokens_are_80_lower_case_hex_characters_and_refresh()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("hex-refresh-tokens");
        var first = await s.Client.TokensForAsync(Fixtures.Alice);

        VariantProbes.IsLowerHex(first.RefreshToken!, 80).Should().BeTrue();
        first.AccessToken.Should().MatchRegex("^[A-Za-z0-9_-]{43}$");
        var second = await s.Client.RefreshAsync(first.RefreshToken!);
        second.Status.Should().Be(200);
        VariantProbes.IsLowerHex(second.RefreshToken!, 80).Should().BeTrue();
    }

    [Test]
    public async Task An_empty_secret_is_invalid_request_but_a_wrong_one_is_still_invalid_client()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("empty-secret-invalid-request");

        var empty = await s.Client.TokenAsync(SandboxClient.Basic("rator-web", ""), AliceForm, Brand1Query);
        empty.Status.Should().Be(400);
        empty.Error.Should().Be("invalid_request");
        empty.Str("error_description").Should().Be("Missing client_secret");
        empty.Header("WWW-Authenticate").Should().BeNull();

        foreach (var (id, secret) in new[] { ("rator-web", "wrong"), ("no-such-client", "x") })
        {
            var wrong = await s.Client.TokenAsync(SandboxClient.Basic(id, secret), AliceForm, Brand1Query);
            wrong.Status.Should().Be(401);
            wrong.Error.Should().Be("invalid_client");
            wrong.Header("WWW-Authenticate").Should().Be("Basic realm=\"rator\"");
        }
    }

    [Test]
    public async Task No_client_authentication_at_all_is_invalid_request_but_query_credentials_keep_their_answer()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("missing-client-auth-invalid-request");

        var none = await s.Client.TokenAsync(null, AliceForm, Brand1Query);
        none.Status.Should().Be(400);
        none.Error.Should().Be("invalid_request");
        none.Str("error_description").Should().Be("The mandatory client_id parameter is missing");

        var query = await s.Client.TokenAsync(null, AliceForm, [.. Brand1Query, ("client_id", Fixtures.Web.Id), ("client_secret", Fixtures.Web.Secret)]);
        query.Status.Should().Be(401);
        query.Error.Should().Be("invalid_client");
        var idOnly = await s.Client.TokenAsync(null, [.. AliceForm, ("client_id", Fixtures.Web.Id)], Brand1Query);
        idOnly.Status.Should().Be(401);
    }

    [TestCase(null)]
    [TestCase("read write")]
    [TestCase("write read")]
    [TestCase("read")]
    public async Task Scope_is_omitted_when_it_is_the_one_requested(string? scope)
    {
        await using var s = await RunningSandbox.WithVariantsAsync("scope-omitted");
        var reply = scope is null
            ? await s.Client.PasswordAsync(Fixtures.Alice)
            : await s.Client.PasswordAsync(Fixtures.Alice, extra: ("scope", scope));

        reply.Status.Should().Be(200);
        reply.HasProperty("scope").Should().BeFalse();
        (await s.Client.ClientCredentialsAsync("op.b1")).HasProperty("scope").Should().BeFalse();
    }

    [Test]
    public async Task Scope_is_sent_when_a_refresh_grants_another_one_than_requested()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("scope-omitted", "wider-refresh-scope-narrowed");
        var narrow = await s.Client.PasswordAsync(Fixtures.Alice, extra: ("scope", "read"));

        var wider = await s.Client.RefreshAsync(narrow.RefreshToken!, extra: ("scope", "read write"));
        wider.Status.Should().Be(200);
        wider.Str("scope").Should().Be("read");
        var same = await s.Client.RefreshAsync(wider.RefreshToken!);
        same.HasProperty("scope").Should().BeFalse();
    }

    [Test]
    public async Task Every_token_endpoint_error_carries_error_uri_instead_of_a_description()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("error-uri-without-description");
        var replies = new[]
        {
            await s.Client.TokenAsync(SandboxClient.Basic("rator-web", "wrong"), AliceForm, Brand1Query),
            await s.Client.TokenAsync(Web, [("grant_type", "foo")], Brand1Query),
            await s.Client.TokenAsync(Web, AliceForm),
            await s.Client.TokenAsync(Web, AliceForm, Brand1Query, HttpMethod.Get),
            await s.Client.PasswordAsync(Fixtures.Alice, extra: ("scope", "admin")),
        };

        replies.Select(r => r.Status).Should().Equal(401, 400, 400, 405, 400);
        replies.Should().OnlyContain(r => r.Error != null && r.Str("error_uri") == "https://www.rfc-editor.org/rfc/rfc6749#section-5.2" &&
                                          !r.HasProperty("error_description"));
        (await s.Client.PasswordAsync(Fixtures.Alice)).Status.Should().Be(200);
    }

    [Test]
    public async Task The_Basic_challenge_names_its_charset_unless_the_challenge_defect_drops_it()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("challenge-shapes");
        var wrong = await s.Client.TokenAsync(SandboxClient.Basic("rator-web", "wrong"), AliceForm, Brand1Query);
        wrong.Header("WWW-Authenticate").Should().Be("Basic realm=\"rator\", charset=\"UTF-8\"");

        await using var broken = await RunningSandbox.StartAsync(new SandboxOptions { Variants = ["challenge-shapes"], Defects = ["basic-challenge-missing"] });
        (await broken.Client.TokenAsync(SandboxClient.Basic("rator-web", "wrong"), AliceForm, Brand1Query)).Header("WWW-Authenticate").Should().BeNull();
    }

    [Test]
    public async Task Cache_directives_are_Spring_s_on_successes_and_errors()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("cache-control-directives");
        var replies = new[]
        {
            await s.Client.PasswordAsync(Fixtures.Alice),
            await s.Client.PasswordAsync(Fixtures.Alice with { Password = "wrong" }),
            await s.Client.TokenAsync(Web, AliceForm, Brand1Query, HttpMethod.Get),
        };
        foreach (var r in replies)
        {
            VariantProbes.HasSpringCacheControl(r).Should().BeTrue(r.Header("Cache-Control"));
            r.Header("Pragma").Should().Be("no-cache");
            r.Header("Expires").Should().Be("0");
        }
    }

    [Test]
    public async Task Json_answers_have_no_charset_anywhere()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("json-without-charset");
        var tokens = await s.Client.TokensForAsync(Fixtures.Alice);
        var replies = new[]
        {
            tokens,
            await s.Client.PasswordAsync(Fixtures.Alice with { Password = "wrong" }),
            await s.Client.BalanceAsync(tokens.AccessToken, "BRAND1", Fixtures.Alice.BillingGroupId!),
            await s.Client.BalanceAsync(null, "BRAND1", Fixtures.Alice.BillingGroupId!),
            await s.Client.GetAsync("no/such/path", null, null),
        };
        replies.Should().OnlyContain(r => r.ContentType == "application/json" && r.Json != null);

        await using var broken = await RunningSandbox.StartAsync(new SandboxOptions { Variants = ["json-without-charset"], Defects = ["resource-not-json"] });
        var token = await broken.Client.AccessTokenForAsync(Fixtures.Alice);
        (await broken.Client.BalanceAsync(token, "BRAND1", Fixtures.Alice.BillingGroupId!)).ContentType.Should().StartWith("text/plain");
    }

    [TestCase("GET")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task Other_methods_get_400_invalid_request_without_Allow(string method)
    {
        await using var s = await RunningSandbox.WithVariantsAsync("get-token-bad-request");
        var reply = await s.Client.TokenAsync(Web, null, [.. AliceForm, .. Brand1Query], new HttpMethod(method));

        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_request");
        reply.Str("error_description").Should().Be("The specified HTTP method is not valid");
        reply.Header("Allow").Should().BeNull();
        reply.AccessToken.Should().BeNull();
    }

    [Test]
    public async Task The_GET_defect_still_wins_over_get_token_bad_request()
    {
        await using var s = await RunningSandbox.StartAsync(new SandboxOptions { Variants = ["get-token-bad-request"], Defects = ["token-get-allowed"] });
        (await s.Client.TokenAsync(Web, null, [.. AliceForm, .. Brand1Query], HttpMethod.Get)).Status.Should().Be(200);
        (await s.Client.TokenAsync(Web, null, [.. AliceForm, .. Brand1Query], HttpMethod.Put)).Status.Should().Be(400);
    }

    [Test]
    public async Task Grant_type_and_brand_are_checked_before_the_client()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("grant-type-checked-first");
        var wrong = SandboxClient.Basic("rator-web", "wrong");

        var missingGrant = await s.Client.TokenAsync(wrong, [("username", "alice.b1"), ("password", "x")], Brand1Query);
        var unknownGrant = await s.Client.TokenAsync(null, [("grant_type", "foo")], Brand1Query);
        var unknownBrand = await s.Client.TokenAsync(wrong, AliceForm, [("brand_key", "BRAND9")]);
        var missingBrand = await s.Client.TokenAsync(null, AliceForm);
        var wrongClient = await s.Client.TokenAsync(wrong, AliceForm, Brand1Query);

        (missingGrant.Status, missingGrant.Error).Should().Be((400, "invalid_request"));
        (unknownGrant.Status, unknownGrant.Error).Should().Be((400, "unsupported_grant_type"));
        (unknownBrand.Status, unknownBrand.Error).Should().Be((400, "invalid_request"));
        (missingBrand.Status, missingBrand.Error).Should().Be((400, "invalid_request"));
        (wrongClient.Status, wrongClient.Error).Should().Be((401, "invalid_client"));
        (await s.Client.PasswordAsync(Fixtures.Alice)).Status.Should().Be(200);
    }

    [Test]
    public async Task A_grant_the_client_lacks_is_invalid_client_unless_a_grant_defect_lets_it_through()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("grant-not-allowed-invalid-client");
        var reply = await s.Client.OperatorAsync(Fixtures.Op1, client: Fixtures.Restricted);

        reply.Status.Should().Be(401);
        reply.Error.Should().Be("invalid_client");
        reply.Str("error_description").Should().Be("Unauthorized grant type: operator_password");
        reply.Header("WWW-Authenticate").Should().Be("Basic realm=\"rator\"");

        await using var broken = await RunningSandbox.StartAsync(new SandboxOptions
        {
            Variants = ["grant-not-allowed-invalid-client"], Defects = ["grant-types-unchecked"],
        });
        (await broken.Client.OperatorAsync(Fixtures.Op1, client: Fixtures.Restricted)).Status.Should().Be(200);
    }

    [Test]
    public async Task Brand_key_camel_case_reads_brandKey_only_and_still_refuses_its_conflicts()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("brand-key-camel-case");
        Task<Reply> Token(IEnumerable<(string, string)> form, IEnumerable<(string, string)>? query = null) => s.Client.TokenAsync(Web, form, query);

        var snakeQuery = await Token(AliceForm, Brand1Query);
        snakeQuery.Status.Should().Be(400);
        snakeQuery.Str("error_description").Should().Be("Missing brandKey parameter");
        (await Token(AliceForm, [("brandKey", "BRAND1")])).Status.Should().Be(200);
        (await Token([.. AliceForm, ("brandKey", "BRAND1")])).Status.Should().Be(200);
        (await Token(AliceForm, [("brandKey", "BRAND1"), ("brand_key", "BRAND2")])).Status.Should().Be(200, "brand_key is just an unknown parameter");
        (await Token([.. AliceForm, ("brandKey", "BRAND2")], [("brandKey", "BRAND1")])).Status.Should().Be(400);
        (await Token([.. AliceForm, ("brandKey", "BRAND1"), ("brandKey", "BRAND1")])).Status.Should().Be(400);
    }

    [Test]
    public async Task Form_only_parameters_never_read_the_query()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("form-only-parameters");

        var vendorExample = await s.Client.TokenAsync(Web, null, [.. AliceForm, .. Brand1Query]);
        vendorExample.Status.Should().Be(400);
        vendorExample.Error.Should().Be("invalid_request");
        (await s.Client.TokenAsync(Web, AliceForm, Brand1Query)).Status.Should().Be(400);
        (await s.Client.TokenAsync(Web, [.. AliceForm, ("brand_key", "BRAND1")])).Status.Should().Be(200);
        (await s.Client.TokenAsync(Web, [.. AliceForm, ("brandKey", "BRAND1")], [("brandKey", "BRAND2"), ("username", "bob.b1")]))
            .Status.Should().Be(200, "neither the query's brand nor its username is a parameter");
        var queryClient = await s.Client.TokenAsync(null, [.. AliceForm, ("brand_key", "BRAND1")],
            [("client_id", Fixtures.Web.Id), ("client_secret", Fixtures.Web.Secret)]);
        (queryClient.Status, queryClient.Error).Should().Be((401, "invalid_client"));
    }

    [Test]
    public async Task The_restricted_client_is_reshaped_for_BRAND2()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("restricted-client-reshaped");

        (await s.Client.PasswordAsync(Fixtures.Carol, client: Fixtures.Restricted)).Status.Should().Be(200);
        (await s.Client.ClientCredentialsAsync("op.b2", Fixtures.Brand2, Fixtures.Restricted)).Status.Should().Be(200);
        var brand1 = await s.Client.PasswordAsync(Fixtures.Alice, client: Fixtures.Restricted);
        (brand1.Status, brand1.Error).Should().Be((400, "unauthorized_client"));
        var operatorGrant = await s.Client.OperatorAsync(Fixtures.Op2, client: Fixtures.Restricted);
        (operatorGrant.Status, operatorGrant.Error).Should().Be((400, "unauthorized_client"));
    }

    [Test]
    public async Task The_operator_grant_answers_to_its_urn_only()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("operator-grant-renamed");

        var renamed = await s.Client.OperatorAsync(Fixtures.Op1, grant: "urn:rator:grant-type:operator");
        renamed.Status.Should().Be(200);
        (await s.Client.CustomerAsync(renamed.AccessToken, "BRAND1", "C-1001")).Status.Should().Be(200);
        (await s.Client.OperatorAsync(Fixtures.Op1)).Error.Should().Be("unsupported_grant_type");
        (await s.Client.RefreshAsync(renamed.RefreshToken!)).Status.Should().Be(200);
    }

    [Test]
    public async Task Token_type_is_capitalized_unless_the_defect_drops_it()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("token-type-capitalized");
        var first = await s.Client.TokensForAsync(Fixtures.Alice);
        first.Str("token_type").Should().Be("Bearer");
        (await s.Client.RefreshAsync(first.RefreshToken!)).Str("token_type").Should().Be("Bearer");
        (await s.Client.ClientCredentialsAsync("op.b1")).Str("token_type").Should().Be("Bearer");
    }
}
