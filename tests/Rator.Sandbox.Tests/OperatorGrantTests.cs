namespace Rator.Sandbox.Tests;

/// <summary>The operator password grant (OP-*): a separate credential class with operator privileges.</summary>
public sealed class OperatorGrantTests : SandboxTestBase
{
    [Test]
    public async Task An_operator_gets_a_token_that_reads_customers_of_the_brand()
    {
        var tokens = await Api.OperatorAsync(Fixtures.Op1);
        var customer = await Api.CustomerAsync(tokens.AccessToken, Fixtures.Brand1, "C-1001");
        var balance = await Api.BalanceAsync(tokens.AccessToken, Fixtures.Brand1, Fixtures.Bob.BillingGroupId!);

        tokens.Status.Should().Be(200);
        tokens.RefreshToken.Should().NotBeNull();
        customer.Status.Should().Be(200);
        customer.Str("username").Should().Be("alice.b1");
        balance.Status.Should().Be(200);
    }

    [Test]
    public async Task The_auth_page_s_operator_example_works_as_documented()
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web),
            [("grant_type", "operator_password"), ("username", "op.b2"), ("password", "Op-Pass-2"), ("brandKey", "BRAND2")]);
        reply.Status.Should().Be(200);
    }

    [Test]
    public async Task The_privileged_operator_may_sign_in_himself()
    {
        (await Api.OperatorAsync(Fixtures.Root1)).Status.Should().Be(200);
    }

    [Test]
    public async Task Customer_credentials_do_not_work_with_the_operator_grant()
    {
        var reply = await Api.OperatorAsync(Fixtures.Alice);
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_grant");
    }

    [Test]
    public async Task Wrong_unknown_and_other_brand_operators_answer_the_same_invalid_grant()
    {
        var wrong = await Api.OperatorAsync(Fixtures.Op1 with { Password = "nope" });
        var unknown = await Api.OperatorAsync(new User("ghost.op", "x", Fixtures.Brand1, null, null));
        var otherBrand = await Api.OperatorAsync(Fixtures.Op2, brand: Fixtures.Brand1);

        foreach (var reply in new[] { wrong, unknown, otherBrand })
        {
            reply.Status.Should().Be(400);
            reply.Body.Should().Be(wrong.Body);
        }
        wrong.Error.Should().Be("invalid_grant");
    }

    [Test]
    public async Task A_client_without_the_operator_grant_is_unauthorized_client()
    {
        var reply = await Api.OperatorAsync(Fixtures.Op1, client: Fixtures.Restricted);
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("unauthorized_client");
    }

    [Test]
    public async Task A_customer_token_is_refused_on_the_operator_only_resource()
    {
        var token = await Api.AccessTokenForAsync(Fixtures.Alice);
        var reply = await Api.CustomerAsync(token, Fixtures.Brand1, "C-1001");

        reply.Status.Should().Be(403);
        reply.Error.Should().Be("access_denied");
        reply.Body.Should().NotContain("alice.b1");
    }

    [Test]
    public async Task An_operator_cannot_read_a_customer_of_another_brand()
    {
        var tokens = await Api.OperatorAsync(Fixtures.Op1);
        (await Api.CustomerAsync(tokens.AccessToken, Fixtures.Brand1, "C-2001")).Status.Should().Be(404);
    }
}

/// <summary>The operator grant's wire name is a setting.</summary>
public sealed class RenamedOperatorGrantTests : SandboxTestBase
{
    protected override SandboxOptions Options() => new() { OperatorGrantType = "operator" };

    [Test]
    public async Task The_configured_name_works_and_the_default_one_does_not()
    {
        (await Api.OperatorAsync(Fixtures.Op1, grant: "operator")).Status.Should().Be(200);
        var old = await Api.OperatorAsync(Fixtures.Op1, grant: "operator_password");
        old.Status.Should().Be(400);
        old.Error.Should().Be("unsupported_grant_type");
    }
}
