using System.Text;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Unit.Api;

/// <summary>What each typed token request puts on the wire, checked on the fake server's side.</summary>
public sealed class TokenEndpointRequestTests
{
    private const string TokenJson = """{"access_token":"5f0c2a9e-1b7d-4c3e-9a8f-2e1d0c9b8a7f","token_type":"bearer","refresh_token":"8e7d6c5b-4a3f-4e2d-8c1b-0a9f8e7d6c5b","expires_in":1799,"scope":"read"}""";

    private FakeRatorServer server = null!;
    private ClientFixture client = null!;

    [SetUp]
    public void SetUp()
    {
        server = FakeRatorServer.Always(FakeReply.Json(200, TokenJson, ("Cache-Control", "no-store")));
        client = new ClientFixture(server.BaseUrl);
    }

    [TearDown]
    public async Task TearDown()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Test]
    public async Task Password_grant_uses_the_configured_brand_parameter_and_basic_authentication()
    {
        var response = await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1");

        var request = server.Requests.Single();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/rator/oauth/token");
        request.QueryParameters.Should().Equal(new[] { KeyValuePair.Create("brand_key", "BRAND1") });
        request.FormParameters.Should().Equal(
            KeyValuePair.Create("grant_type", "password"),
            KeyValuePair.Create("username", "alice.b1"),
            KeyValuePair.Create("password", "Alice-Pass-1"));
        request.Header("Content-Type").Should().StartWith("application/x-www-form-urlencoded");
        request.Header("Accept").Should().Be("application/json");
        DecodeBasic(request).Should().Be("rator-web:Web-Secret-1");

        response.StatusCode.Should().Be(200);
        response.Token!.AccessToken.Should().Be("5f0c2a9e-1b7d-4c3e-9a8f-2e1d0c9b8a7f");
        response.Token.ExpiresIn.Should().Be(1799);
        response.Token.IsBearer.Should().BeTrue();
        response.Headers["cache-control"].Should().Be("no-store");
        response.Purpose.Should().Be("password grant for customer alice.b1 of BRAND1 (brand BRAND1; primary client rator-web by Basic)");
    }

    [Test]
    public async Task Issued_tokens_are_registered_and_every_sink_shows_fingerprints_only()
    {
        var token = await client.Api.Tokens.GetPasswordTokenAsync(client.Alice);

        var evidence = client.Recorder.Render() + token + token.Response + token.Response.Token + token.Response.Excerpt();

        evidence.Should().NotContain(token.AccessToken).And.NotContain(token.RefreshToken!);
        evidence.Should().Contain(client.Redactor.Fingerprint(token.AccessToken));
        evidence.Should().NotContain("Alice-Pass-1").And.NotContain("Web-Secret-1");
        client.Redactor.TokenCount.Should().Be(2);
    }

    [Test]
    public async Task Second_client_secret_is_form_encoded_inside_basic_as_RFC_6749_2_3_1_requires()
    {
        var partner = client.Profile.RequireClient(ClientRole.Second);

        await client.Api.Tokens.RequestAsync(TokenRequest.Password(client.Alice).WithClient(partner));
        await client.Api.Tokens.RequestAsync(TokenRequest.Password(client.Alice).WithClient(partner).AuthenticatedBy(ClientAuthentication.BasicUnencoded));

        DecodeBasic(server.Requests[0]).Should().Be("rator-partner:Partner%3ASecret%2B2%26%3D%25%2Fx");
        DecodeBasic(server.Requests[1]).Should().Be("rator-partner:Partner:Secret+2&=%/x");
    }

    [Test]
    public async Task Client_authentication_variants()
    {
        var tokens = client.Api.Tokens;
        await tokens.RequestAsync(TokenRequest.Password(client.Alice).AuthenticatedBy(ClientAuthentication.None));
        await tokens.RequestAsync(TokenRequest.Password(client.Alice).AuthenticatedBy(ClientAuthentication.FormBody));
        await tokens.RequestAsync(TokenRequest.Password(client.Alice).AuthenticatedBy(ClientAuthentication.Query));
        await tokens.RequestAsync(TokenRequest.Password(client.Alice).AuthenticatedBy(ClientAuthentication.BasicAndFormBody));

        var (none, form, query, both) = (server.Requests[0], server.Requests[1], server.Requests[2], server.Requests[3]);
        none.Header("Authorization").Should().BeNull();
        form.Header("Authorization").Should().BeNull();
        form.FormParameters.Should().Contain([KeyValuePair.Create("client_id", "rator-web"), KeyValuePair.Create("client_secret", "Web-Secret-1")]);
        query.QueryParameters.Should().Contain(KeyValuePair.Create("client_secret", "Web-Secret-1"));
        query.FormParameters.Should().NotContain(p => p.Key == "client_secret");
        both.Header("Authorization").Should().StartWith("Basic ");
        both.FormParameters.Should().Contain(KeyValuePair.Create("client_id", "rator-web"));
    }

    [Test]
    public async Task Brand_presentations()
    {
        var tokens = client.Api.Tokens;
        var password = TokenRequest.Password(client.Alice);
        await tokens.RequestAsync(password.WithBrand(BrandPresentation.As("BRAND1", "brandKey", ParameterPlace.Form)));
        await tokens.RequestAsync(password.WithBrand(BrandPresentation.Missing));
        await tokens.RequestAsync(password.WithBrand(BrandPresentation.Empty));
        await tokens.RequestAsync(password.WithBrand(BrandPresentation.Conflicting("BRAND1", "BRAND2")));
        await tokens.RequestAsync(password.WithBrand(BrandPresentation.Duplicated("BRAND1", "BRAND2")));
        await tokens.RequestAsync(password.WithBrand(BrandPresentation.BothNames("BRAND1")));

        var r = server.Requests;
        r[0].FormParameters.Should().Contain(KeyValuePair.Create("brandKey", "BRAND1"));
        r[0].Query.Should().BeEmpty();
        AllParameters(r[1]).Should().NotContain(p => p.Key.StartsWith("brand"));
        r[2].QueryParameters.Should().Equal(new[] { KeyValuePair.Create("brand_key", "") });
        r[3].QueryParameters.Should().Equal(new[] { KeyValuePair.Create("brand_key", "BRAND1") });
        r[3].FormParameters.Should().Contain(KeyValuePair.Create("brand_key", "BRAND2"));
        r[4].QueryParameters.Should().Equal(KeyValuePair.Create("brand_key", "BRAND1"), KeyValuePair.Create("brand_key", "BRAND2"));
        r[5].QueryParameters.Should().Equal(KeyValuePair.Create("brand_key", "BRAND1"), KeyValuePair.Create("brandKey", "BRAND1"));
    }

    [Test]
    public async Task Grant_type_variations_scope_and_unknown_parameters()
    {
        var tokens = client.Api.Tokens;
        await tokens.RequestAsync(TokenRequest.Password(client.Alice).WithRepeated(TokenParameter.GrantType));
        await tokens.RequestAsync(TokenRequest.Password(client.Alice).WithGrantType("foo"));
        await tokens.RequestAsync(TokenRequest.Password(client.Alice).WithoutGrantType());
        await tokens.RequestAsync(TokenRequest.Password(client.Alice).WithScope("").WithExtraParameter("foo", "bar"));

        var r = server.Requests;
        r[0].FormParameters.Where(p => p.Key == "grant_type").Select(p => p.Value).Should().Equal("password", "password");
        r[1].FormParameters.Should().Contain(KeyValuePair.Create("grant_type", "foo"));
        r[2].FormParameters.Should().NotContain(p => p.Key == "grant_type");
        r[3].FormParameters.Should().Contain([KeyValuePair.Create("scope", ""), KeyValuePair.Create("foo", "bar")]);
    }

    [Test]
    public async Task A_parameter_sent_twice_empty_or_not_at_all_and_an_odd_address()
    {
        var tokens = client.Api.Tokens;
        await tokens.RequestAsync(TokenRequest.Password(client.Alice).WithRepeated(TokenParameter.Username, "ghost"));
        await tokens.RequestAsync(TokenRequest.Refresh("rt-1", "BRAND1").WithEmpty(TokenParameter.RefreshToken));
        await tokens.RequestAsync(TokenRequest.ClientCredentials(null, "BRAND1").WithEmpty(TokenParameter.Operator));
        await tokens.RequestAsync(TokenRequest.Password(client.Alice).Without(TokenParameter.Password).Without(TokenParameter.GrantType));
        await tokens.RequestAsync(TokenRequest.Password(client.Alice).WithRawQuerySuffix("x_note=%E0%A4"));

        var r = server.Requests;
        r[0].FormParameters.Where(p => p.Key == "username").Select(p => p.Value).Should().Equal("ghost", "alice.b1");
        r[1].FormParameters.Should().Contain(KeyValuePair.Create("refresh_token", ""));
        r[2].FormParameters.Should().Contain(KeyValuePair.Create("operator", ""));
        r[3].FormParameters.Should().NotContain(p => p.Key == "password" || p.Key == "grant_type").And.Contain(p => p.Key == "username");
        r[4].Query.Should().EndWith("&x_note=%E0%A4");
    }

    [Test]
    public async Task Operator_client_credentials_and_refresh_grants()
    {
        var tokens = client.Api.Tokens;
        var op = client.Profile.RequirePrincipal("BRAND1", PrincipalRole.Operator);
        await tokens.RequestOperatorGrantAsync(op, "BRAND1");
        await tokens.GetClientCredentialsTokenAsync("BRAND1");
        await tokens.RequestRefreshAsync("rt-value-123", "BRAND2", client.Profile.Clients.Second);

        var r = server.Requests;
        r[0].FormParameters.Should().Contain([KeyValuePair.Create("grant_type", "operator_password"), KeyValuePair.Create("username", "op.b1")]);
        r[1].FormParameters.Should().Equal(KeyValuePair.Create("grant_type", "client_credentials"), KeyValuePair.Create("operator", "op.b1"));
        r[1].QueryParameters.Should().Equal(new[] { KeyValuePair.Create("brand_key", "BRAND1") });
        r[2].FormParameters.Should().Equal(KeyValuePair.Create("grant_type", "refresh_token"), KeyValuePair.Create("refresh_token", "rt-value-123"));
        r[2].QueryParameters.Should().Equal(new[] { KeyValuePair.Create("brand_key", "BRAND2") });
        DecodeBasic(r[2]).Should().StartWith("rator-partner:");
    }

    [Test]
    public async Task The_vendor_query_example_and_GET_put_everything_in_the_query()
    {
        await client.Api.Tokens.RequestAsync(TokenRequest.Password(client.Alice).WithParametersInQuery());
        await client.Api.Tokens.RequestAsync(TokenRequest.Password(client.Alice).UsingGet().WithAcceptLanguage("it"));

        var (dc01, get) = (server.Requests[0], server.Requests[1]);
        dc01.Method.Should().Be("POST");
        dc01.Body.Should().BeEmpty();
        dc01.QueryParameters.Select(p => p.Key).Should().Equal("grant_type", "username", "password", "brand_key");
        get.Method.Should().Be("GET");
        get.Body.Should().BeEmpty();
        get.QueryParameters.Should().Contain(KeyValuePair.Create("password", "Alice-Pass-1"));
        get.Header("Accept-Language").Should().Be("it");
        client.Recorder.Render().Should().NotContain("Alice-Pass-1");
    }

    [Test]
    public async Task Raw_bodies_go_out_as_they_are_with_their_content_type()
    {
        await client.Api.Tokens.RequestAsync(TokenRequest.Password(client.Alice).WithRawBody("application/json", _ => """{"grant_type":"password"}"""));
        await client.Api.Tokens.RequestAsync(TokenRequest.Password(client.Alice).WithRawBody("application/x-www-form-urlencoded", form => form + "&username=%zz"));

        var (json, broken) = (server.Requests[0], server.Requests[1]);
        json.Header("Content-Type").Should().StartWith("application/json");
        json.Body.Should().Be("""{"grant_type":"password"}""");
        json.QueryParameters.Should().Equal(new[] { KeyValuePair.Create("brand_key", "BRAND1") });
        broken.Body.Should().Be("grant_type=password&username=alice.b1&password=Alice-Pass-1&username=%zz");
        client.Recorder.Render().Should().Contain("a raw application/json body").And.NotContain("Alice-Pass-1");
    }

    private static IEnumerable<KeyValuePair<string, string>> AllParameters(ReceivedRequest request) =>
        request.QueryParameters.Concat(request.FormParameters);

    private static string DecodeBasic(ReceivedRequest request) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(request.Header("Authorization")!["Basic ".Length..]));
}
