using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Unit.Api;

public sealed class ResponseReadingTests
{
    [Test]
    public async Task An_oauth_error_with_its_challenge_and_headers()
    {
        await using var server = FakeRatorServer.Always(FakeReply.Json(401,
            """{"error":"invalid_client","error_description":"Bad client credentials"}""",
            ("WWW-Authenticate", "Basic realm=\"oauth2/client\""), ("Cache-Control", "no-store"), ("Pragma", "no-cache")));
        using var client = new ClientFixture(server.BaseUrl);

        var response = await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1");

        response.Error!.Code.Should().Be("invalid_client");
        response.Error.IsRegisteredCode.Should().BeTrue();
        response.Challenges.Should().ContainSingle().Which.Should().Match<AuthenticationChallenge>(c => c.IsScheme("basic") && c.Parameter("realm") == "oauth2/client");
        response.Headers.HasDirective("Cache-Control", "no-store").Should().BeTrue();
        response.ContentType.Should().Be("application/json");
        response.Describe().Should().StartWith("401 Unauthorized, error invalid_client (Bad client credentials)");
    }

    [Test]
    public async Task A_setup_failure_names_what_was_asked_and_what_came_back_redacted()
    {
        await using var server = FakeRatorServer.Always(FakeReply.Json(400,
            """{"error":"invalid_grant","error_description":"Bad credentials for alice.b1 / Alice-Pass-1"}"""));
        using var client = new ClientFixture(server.BaseUrl);

        var setup = () => client.Api.Tokens.GetPasswordTokenAsync(client.Alice);

        var failure = (await setup.Should().ThrowAsync<SetupFailedException>()).Which;
        failure.Message.Should().StartWith("Setup could not get a token for password grant for customer alice.b1 of BRAND1");
        failure.Message.Should().Contain("400 Bad Request with error invalid_grant");
        failure.Message.Should().NotContain("Alice-Pass-1");
        failure.Response.StatusCode.Should().Be(400);
    }

    [TestCase("Bearer realm=\"rator\", error=\"invalid_token\", error_description=\"Access token expired\"", "Bearer", "invalid_token")]
    [TestCase("Bearer realm=\"rator\"", "Bearer", null)]
    [TestCase("Bearer", "Bearer", null)]
    [TestCase("Bearer error=\"odd\\q\"", "Bearer", "oddq")]
    public void Challenges_parse_leniently(string header, string scheme, string? error)
    {
        var challenge = AuthenticationChallenge.ParseAll([header]).Single();

        challenge.Scheme.Should().Be(scheme);
        challenge.Parameter("error").Should().Be(error);
    }

    [Test]
    public void Several_challenges_in_one_header()
    {
        var challenges = AuthenticationChallenge.ParseAll(["Basic realm=\"a\", Bearer realm=\"b\", error=invalid_token"]);

        challenges.Select(c => c.Scheme).Should().Equal("Basic", "Bearer");
        challenges[1].Parameter("error").Should().Be("invalid_token");
    }

    [Test]
    public async Task Expires_in_as_a_string_is_read_and_its_kind_kept()
    {
        await using var server = FakeRatorServer.Always(FakeReply.Json(200, """{"access_token":"kind-check-token","token_type":"Bearer","expires_in":"1799"}"""));
        using var client = new ClientFixture(server.BaseUrl);

        var token = (await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1")).Token!;

        token.ExpiresIn.Should().Be(1799);
        token.ExpiresInKind.Should().Be(System.Text.Json.JsonValueKind.String);
        token.IsBearer.Should().BeTrue();
        token.HasRefreshToken.Should().BeFalse();
    }
}
