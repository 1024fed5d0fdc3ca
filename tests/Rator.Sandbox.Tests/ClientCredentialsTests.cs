namespace Rator.Sandbox.Tests;

/// <summary>Client credentials with the operator parameter of REST v17 (CC-*).</summary>
public sealed class ClientCredentialsTests : SandboxTestBase
{
    [Test]
    public async Task A_token_acting_for_an_operator_is_issued_without_a_refresh_token()
    {
        var reply = await Api.ClientCredentialsAsync("op.b1");

        reply.Status.Should().Be(200);
        reply.AccessToken.Should().NotBeNull();
        reply.HasProperty("refresh_token").Should().BeFalse();
        (await Api.CustomerAsync(reply.AccessToken, Fixtures.Brand1, "C-1002")).Status.Should().Be(200);
        (await Api.BalanceAsync(reply.AccessToken, Fixtures.Brand1, Fixtures.Alice.BillingGroupId!)).Status.Should().Be(200);
    }

    [Test]
    public async Task The_auth_page_s_example_works_as_documented()
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web),
            [("grant_type", "client_credentials"), ("operator", "op.b1"), ("brandKey", "BRAND1")]);
        reply.Status.Should().Be(200);
    }

    [TestCase("ghost.op", "BRAND1")]
    [TestCase("op.b2", "BRAND1")]
    [TestCase("root.b1", "BRAND1")]
    [TestCase("alice.b1", "BRAND1")]
    public async Task Unknown_other_brand_privileged_or_customer_operators_are_refused(string name, string brand)
    {
        var reply = await Api.ClientCredentialsAsync(name, brand);

        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_grant");
        reply.AccessToken.Should().BeNull();
    }

    [Test]
    public async Task The_operator_parameter_is_required()
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), [("grant_type", "client_credentials")], [("brand_key", "BRAND1")]);
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_request");
    }

    [Test]
    public async Task A_client_without_the_grant_is_unauthorized_client()
    {
        var reply = await Api.ClientCredentialsAsync("op.b1", client: Fixtures.Restricted);
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("unauthorized_client");
    }

    [Test]
    public async Task Without_client_authentication_it_is_invalid_client()
    {
        var reply = await Api.TokenAsync(null, [("grant_type", "client_credentials"), ("operator", "op.b1")], [("brand_key", "BRAND1")]);
        reply.Status.Should().Be(401);
        reply.Error.Should().Be("invalid_client");
    }

    [Test]
    public async Task A_client_credentials_token_cannot_be_refreshed_with_an_access_token()
    {
        var reply = await Api.ClientCredentialsAsync("op.b1");
        var refresh = await Api.RefreshAsync(reply.AccessToken!);
        refresh.Status.Should().Be(400);
        refresh.Error.Should().Be("invalid_grant");
    }
}

/// <summary>Deployments before REST v17 have no client credentials at all.</summary>
public sealed class ClientCredentialsNotOfferedTests : SandboxTestBase
{
    protected override SandboxOptions Options() => new() { ClientCredentialsOffered = false };

    [Test]
    public async Task The_grant_is_unsupported()
    {
        var reply = await Api.ClientCredentialsAsync("op.b1");
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("unsupported_grant_type");
    }
}
