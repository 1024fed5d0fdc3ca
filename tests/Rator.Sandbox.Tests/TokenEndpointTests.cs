namespace Rator.Sandbox.Tests;

/// <summary>The token endpoint's own rules: method, client authentication, parameters, response shape (TE-*).</summary>
public sealed class TokenEndpointTests : SandboxTestBase
{
    private static readonly (string, string)[] AliceForm =
        [("grant_type", "password"), ("username", Fixtures.Alice.Username), ("password", Fixtures.Alice.Password)];

    private static readonly (string, string)[] Brand1Query = [("brand_key", Fixtures.Brand1)];

    [Test]
    public async Task Success_has_the_RFC_6749_shape_and_no_store_headers()
    {
        var reply = await Api.PasswordAsync(Fixtures.Alice);

        reply.Status.Should().Be(200);
        reply.ContentType.Should().StartWith("application/json");
        reply.Str("token_type").Should().Be("bearer");
        reply.Json!.Value.GetProperty("expires_in").GetInt32().Should().Be(1800);
        reply.Str("scope").Should().Be("read write");
        reply.AccessToken.Should().NotBeNullOrEmpty();
        reply.RefreshToken.Should().NotBeNullOrEmpty();
        reply.Header("Cache-Control").Should().Be("no-store");
        reply.Header("Pragma").Should().Be("no-cache");
    }

    [Test]
    public async Task Tokens_are_256_bit_base64url_values_not_uuids()
    {
        var reply = await Api.PasswordAsync(Fixtures.Alice);

        foreach (var token in new[] { reply.AccessToken!, reply.RefreshToken! })
        {
            token.Should().MatchRegex("^[A-Za-z0-9_-]{43}$");
            Guid.TryParse(token, out _).Should().BeFalse();
        }
        reply.AccessToken.Should().NotBe(reply.RefreshToken);
    }

    [TestCase("GET")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task Methods_other_than_POST_get_405_and_no_token(string method)
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), null,
            [.. AliceForm, .. Brand1Query], new HttpMethod(method));

        reply.Status.Should().Be(405);
        reply.Header("Allow").Should().Be("POST");
        reply.Error.Should().Be("invalid_request");
        reply.AccessToken.Should().BeNull();
        reply.Header("Cache-Control").Should().Be("no-store");
    }

    [Test]
    public async Task Basic_with_an_RFC_encoded_special_character_secret_works()
    {
        var reply = await Api.TokenAsync(SandboxClient.BasicEncoded(Fixtures.Partner), AliceForm, Brand1Query);
        reply.Status.Should().Be(200);
    }

    [Test]
    public async Task Basic_with_the_raw_special_character_secret_works_like_curl_u()
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Partner), AliceForm, Brand1Query);
        reply.Status.Should().Be(200);
    }

    [Test]
    public async Task Basic_scheme_name_is_case_insensitive()
    {
        var header = "basic " + SandboxClient.Basic(Fixtures.Web)["Basic ".Length..];
        (await Api.TokenAsync(header, AliceForm, Brand1Query)).Status.Should().Be(200);
    }

    [TestCase("rator-web", "wrong")]
    [TestCase("rator-web", "")]
    [TestCase("no-such-client", "Web-Secret-1")]
    [TestCase("rator-partner", "Web-Secret-1")]
    public async Task Bad_client_credentials_get_401_invalid_client_with_a_Basic_challenge(string id, string secret)
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic(id, secret), AliceForm, Brand1Query);

        reply.Status.Should().Be(401);
        reply.Header("WWW-Authenticate").Should().StartWith("Basic realm=");
        reply.Error.Should().Be("invalid_client");
        reply.AccessToken.Should().BeNull();
        reply.Header("Cache-Control").Should().Be("no-store");
        reply.Header("Pragma").Should().Be("no-cache");
    }

    [TestCase("Basic !!!not-base64")]
    [TestCase("Basic bm9jb2xvbg==")] // "nocolon"
    [TestCase("Bearer abc")]
    [TestCase("Basic")]
    public async Task Malformed_client_authentication_gets_401_invalid_client(string header)
    {
        var reply = await Api.TokenAsync(header, AliceForm, Brand1Query);
        reply.Status.Should().Be(401);
        reply.Error.Should().Be("invalid_client");
    }

    [Test]
    public async Task No_client_authentication_gets_401_invalid_client()
    {
        var reply = await Api.TokenAsync(null, AliceForm, Brand1Query);

        reply.Status.Should().Be(401);
        reply.Error.Should().Be("invalid_client");
        reply.Header("WWW-Authenticate").Should().StartWith("Basic");
    }

    [Test]
    public async Task Client_credentials_in_the_query_string_do_not_authenticate()
    {
        var reply = await Api.TokenAsync(null, AliceForm,
            [.. Brand1Query, ("client_id", Fixtures.Web.Id), ("client_secret", Fixtures.Web.Secret)]);

        reply.Status.Should().Be(401);
        reply.Error.Should().Be("invalid_client");
    }

    [Test]
    public async Task Client_credentials_in_the_body_do_not_authenticate_either()
    {
        var reply = await Api.TokenAsync(null, [.. AliceForm, ("client_id", Fixtures.Web.Id), ("client_secret", Fixtures.Web.Secret)], Brand1Query);
        reply.Status.Should().Be(401);
    }

    [Test]
    public async Task Basic_plus_a_body_secret_is_more_than_one_method_400()
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), [.. AliceForm, ("client_secret", Fixtures.Web.Secret)], Brand1Query);

        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_request");
    }

    [Test]
    public async Task A_client_id_parameter_naming_another_client_is_refused()
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), [.. AliceForm, ("client_id", Fixtures.Partner.Id)], Brand1Query);
        reply.Status.Should().Be(401);
        reply.Error.Should().Be("invalid_client");
    }

    [Test]
    public async Task A_matching_client_id_parameter_is_fine()
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), [.. AliceForm, ("client_id", Fixtures.Web.Id)], Brand1Query);
        reply.Status.Should().Be(200);
    }

    [Test]
    public async Task A_parameter_sent_twice_is_400_invalid_request()
    {
        var twiceInBody = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), [.. AliceForm, ("grant_type", "password")], Brand1Query);
        var queryAndBody = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), AliceForm, [.. Brand1Query, ("username", "bob.b1")]);

        foreach (var reply in new[] { twiceInBody, queryAndBody })
        {
            reply.Status.Should().Be(400);
            reply.Error.Should().Be("invalid_request");
            reply.AccessToken.Should().BeNull();
        }
    }

    [Test]
    public async Task Unknown_parameters_are_ignored()
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), [.. AliceForm, ("foo", "bar")], Brand1Query);
        reply.Status.Should().Be(200);
    }

    [Test]
    public async Task An_empty_scope_counts_as_omitted()
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), [.. AliceForm, ("scope", "")], Brand1Query);
        reply.Status.Should().Be(200);
        reply.Str("scope").Should().Be("read write");
    }

    [Test]
    public async Task A_narrower_scope_is_granted_and_a_bogus_one_is_invalid_scope()
    {
        var narrow = await Api.PasswordAsync(Fixtures.Alice, extra: ("scope", "read"));
        var bogus = await Api.PasswordAsync(Fixtures.Alice, extra: ("scope", "read admin"));

        narrow.Str("scope").Should().Be("read");
        bogus.Status.Should().Be(400);
        bogus.Error.Should().Be("invalid_scope");
    }

    [Test]
    public async Task Missing_grant_type_is_invalid_request()
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), [("username", "alice.b1"), ("password", "x")], Brand1Query);
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_request");
    }

    [TestCase("foo")]
    [TestCase("authorization_code")]
    [TestCase("implicit")]
    [TestCase("urn:ietf:params:oauth:grant-type:jwt-bearer")]
    public async Task Grants_the_sandbox_does_not_have_are_unsupported_grant_type(string grant)
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), [("grant_type", grant)], Brand1Query);
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("unsupported_grant_type");
    }

    [TestCase("oauth/authorize")]
    [TestCase("oauth/check_token")]
    [TestCase("oauth/token_key")]
    [TestCase("oauth/confirm_access")]
    public async Task Spring_s_other_endpoints_do_not_exist(string path)
    {
        var get = await Api.GetAsync(path, null, null, query: [("token", "x"), ("response_type", "code"), ("client_id", "rator-web")]);
        var post = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, Api.Url(path)));

        get.Status.Should().Be(404);
        post.Status.Should().Be(404);
        get.Header("Location").Should().BeNull();
    }
}
