namespace Rator.Sandbox.Tests;

/// <summary>The end-user password grant (PW-*), including the vendor's documented forms (DC-01, DC-02).</summary>
public sealed class PasswordGrantTests : SandboxTestBase
{
    [Test]
    public async Task A_customer_gets_an_access_and_a_refresh_token_that_read_their_balance()
    {
        var tokens = await Api.PasswordAsync(Fixtures.Alice);
        var balance = await Api.BalanceAsync(tokens.AccessToken, Fixtures.Brand1, Fixtures.Alice.BillingGroupId!);

        tokens.Status.Should().Be(200);
        tokens.RefreshToken.Should().NotBeNull();
        balance.Status.Should().Be(200);
        balance.Str("billingGroupId").Should().Be(Fixtures.Alice.BillingGroupId);
    }

    [Test]
    public async Task The_brand_page_s_query_string_example_works_as_documented()
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), null,
            [("username", "alice.b1"), ("password", "Alice-Pass-1"), ("grant_type", "password"), ("brand_key", "BRAND1")]);
        reply.Status.Should().Be(200);
    }

    [Test]
    public async Task The_auth_page_s_body_example_works_as_documented()
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web),
            [("grant_type", "password"), ("username", "alice.b1"), ("password", "Alice-Pass-1"), ("brandKey", "BRAND1")]);
        reply.Status.Should().Be(200);
    }

    [Test]
    public async Task The_restricted_client_may_use_the_password_grant_in_its_brand()
    {
        (await Api.PasswordAsync(Fixtures.Alice, client: Fixtures.Restricted)).Status.Should().Be(200);
    }

    [Test]
    public async Task A_wrong_password_is_400_invalid_grant_without_a_token()
    {
        var reply = await Api.PasswordAsync(Fixtures.Alice with { Password = "wrong" });

        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_grant");
        reply.AccessToken.Should().BeNull();
    }

    [Test]
    public async Task Unknown_user_wrong_password_and_locked_account_answer_identically()
    {
        var unknown = await Api.PasswordAsync(new User("nobody.b1", "Whatever-1", Fixtures.Brand1, null, null));
        var wrong = await Api.PasswordAsync(Fixtures.Bob with { Password = "Wrong-Pass-1" });
        var locked = await Api.PasswordAsync(Fixtures.Locked);

        foreach (var reply in new[] { unknown, wrong, locked })
        {
            reply.Status.Should().Be(400);
            reply.Body.Should().Be(unknown.Body);
            reply.Header("WWW-Authenticate").Should().BeNull();
        }
        unknown.Error.Should().Be("invalid_grant");
    }

    [Test]
    public async Task Operator_credentials_do_not_work_with_the_password_grant()
    {
        var reply = await Api.PasswordAsync(Fixtures.Op1);
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_grant");
    }

    [Test]
    public async Task A_customer_of_one_brand_cannot_sign_in_to_the_other()
    {
        var reply = await Api.PasswordAsync(Fixtures.Alice, brand: Fixtures.Brand2);
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_grant");
    }

    [TestCase("username")]
    [TestCase("password")]
    public async Task A_missing_credential_is_invalid_request(string missing)
    {
        (string, string)[] form = [("grant_type", "password"), ("username", "alice.b1"), ("password", "Alice-Pass-1")];
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), form.Where(p => p.Item1 != missing), [("brand_key", "BRAND1")]);

        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_request");
    }

    [Test]
    public async Task The_vendor_s_fragment_placeholder_cuts_the_request_and_is_refused()
    {
        // "?username=#myusername&password=..." run literally sends only "?username=".
        var reply = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, Api.Url("oauth/token") + "?username=")
        {
            Headers = { { "Authorization", SandboxClient.Basic(Fixtures.Web) } },
        });
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_request");
    }
}
