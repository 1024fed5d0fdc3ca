namespace Rator.Sandbox.Tests;

/// <summary>Bearer access to the resources (RS-*, SH-03, DC-06).</summary>
public sealed class ResourceTests : SandboxTestBase
{
    private string aliceToken = null!;

    [OneTimeSetUp]
    public async Task SignIn() => aliceToken = await Api.AccessTokenForAsync(Fixtures.Alice);

    private Task<Reply> AliceBalance(Action<HttpRequestMessage>? tweak = null) =>
        Api.BalanceAsync(null, "BRAND1", Fixtures.Alice.BillingGroupId!, tweak);

    [Test]
    public async Task The_vendor_s_example_call_answers_JSON_in_Italian()
    {
        var reply = await Api.BalanceAsync(aliceToken, "BRAND1", "201506171857210002", r => SandboxClient.Accept(r, "it"));

        reply.Status.Should().Be(200);
        reply.ContentType.Should().StartWith("application/json");
        reply.Header("Content-Language").Should().Be("it");
        reply.Str("billingGroupId").Should().Be("201506171857210002");
        reply.Str("brand").Should().Be("BRAND1");
        reply.Str("currency").Should().Be("EUR");
        reply.Json!.Value.GetProperty("balance").GetDecimal().Should().Be(12.5m);
    }

    [TestCase("en", "en")]
    [TestCase("en-GB,it;q=0.5", "en")]
    [TestCase("it-IT", "it")]
    [TestCase("fr", "en")]
    public async Task Accept_Language_chooses_the_Content_Language(string accept, string expected)
    {
        var reply = await Api.BalanceAsync(aliceToken, "BRAND1", Fixtures.Alice.BillingGroupId!,
            r => r.Headers.TryAddWithoutValidation("Accept-Language", accept));
        reply.Header("Content-Language").Should().Be(expected);
    }

    [TestCase("bearer")]
    [TestCase("BEARER")]
    [TestCase("Bearer")]
    public async Task The_scheme_name_is_case_insensitive(string scheme)
    {
        var reply = await AliceBalance(r => r.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {aliceToken}"));
        reply.Status.Should().Be(200);
    }

    [Test]
    public async Task No_token_gets_a_Bearer_challenge_without_an_error_code()
    {
        var reply = await AliceBalance();

        reply.Status.Should().Be(401);
        reply.Header("WWW-Authenticate").Should().Be("Bearer realm=\"rator\"");
        reply.ContentType.Should().StartWith("application/json");
    }

    [Test]
    public async Task A_garbage_token_gets_401_invalid_token_and_is_not_echoed()
    {
        const string garbage = "Z2FyYmFnZS10b2tlbi12YWx1ZS10aGF0LWRvZXMtbm90LWV4aXN0";
        var reply = await Api.BalanceAsync(garbage, "BRAND1", Fixtures.Alice.BillingGroupId!);

        reply.Status.Should().Be(401);
        reply.Header("WWW-Authenticate").Should().Contain("error=\"invalid_token\"");
        reply.Error.Should().Be("invalid_token");
        reply.Body.Should().NotContain(garbage);
        string.Join("\n", reply.Headers.Values).Should().NotContain(garbage);
    }

    [Test]
    public async Task A_uuid_shaped_token_like_the_vendor_s_example_is_just_invalid()
    {
        var reply = await Api.BalanceAsync("2acda61f-cf4f-42be-8561-563b5db7840f", "BRAND1", Fixtures.Alice.BillingGroupId!);
        reply.Status.Should().Be(401);
        reply.Error.Should().Be("invalid_token");
    }

    [Test]
    public async Task An_access_token_in_the_query_string_is_not_a_credential()
    {
        var reply = await Api.GetAsync($"api/billing-groups/{Fixtures.Alice.BillingGroupId}/balance", null, "BRAND1",
            query: [("access_token", aliceToken)]);

        reply.Status.Should().Be(401);
        reply.Header("WWW-Authenticate").Should().Be("Bearer realm=\"rator\"");
    }

    [Test]
    public async Task A_token_in_header_and_query_is_400()
    {
        var reply = await Api.GetAsync($"api/billing-groups/{Fixtures.Alice.BillingGroupId}/balance", aliceToken, "BRAND1",
            query: [("access_token", aliceToken)]);
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_request");
    }

    [TestCase("Bearer {0},junk")]
    [TestCase("Bearer {0} junk")]
    [TestCase("Bearer")]
    [TestCase("Bearer ")]
    [TestCase("Bearer {0}\"")]
    [TestCase("Basic {0}")]
    public async Task Malformed_credentials_get_401_never_a_5xx(string format)
    {
        var reply = await AliceBalance(r => r.Headers.TryAddWithoutValidation("Authorization", string.Format(format, aliceToken)));
        reply.Status.Should().Be(401);
    }

    [Test]
    public async Task Two_bearer_credentials_are_refused()
    {
        // HttpClient folds them into one comma-separated header, which is not one b64token.
        var reply = await AliceBalance(r =>
        {
            r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + aliceToken);
            r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + aliceToken);
        });
        reply.Status.Should().Be(401);
        reply.Error.Should().Be("invalid_token");
    }

    [Test]
    public async Task Another_customer_s_billing_group_is_not_found()
    {
        var reply = await Api.BalanceAsync(aliceToken, "BRAND1", Fixtures.Bob.BillingGroupId!);

        reply.Status.Should().Be(404);
        reply.Body.Should().NotContain("C-1002");
    }

    [TestCase("999999999999999999")]
    [TestCase("201507010000000001")] // BRAND2's group
    [TestCase("..%2F..%2Fetc%2Fpasswd")]
    public async Task Unknown_and_other_brand_billing_groups_are_not_found(string id)
    {
        (await Api.BalanceAsync(aliceToken, "BRAND1", id)).Status.Should().Be(404);
    }

    [Test]
    public async Task The_customer_resource_is_for_operators_and_client_credentials()
    {
        var op = await Api.OperatorAsync(Fixtures.Op1);
        var cc = await Api.ClientCredentialsAsync("op.b1");

        var byOperator = await Api.CustomerAsync(op.AccessToken, "BRAND1", "C-1001");
        var byClient = await Api.CustomerAsync(cc.AccessToken, "BRAND1", "C-1001");
        var byCustomer = await Api.CustomerAsync(aliceToken, "BRAND1", "C-1001");

        byOperator.Status.Should().Be(200);
        byOperator.Str("customerId").Should().Be("C-1001");
        byOperator.Json!.Value.GetProperty("billingGroupIds")[0].GetString().Should().Be("201506171857210002");
        byClient.Status.Should().Be(200);
        byCustomer.Status.Should().Be(403);
        byCustomer.Error.Should().Be("access_denied");
    }

    [Test]
    public async Task Unknown_paths_are_404_JSON()
    {
        var reply = await Api.GetAsync("api/nothing-here", aliceToken, "BRAND1");
        reply.Status.Should().Be(404);
        reply.ContentType.Should().StartWith("application/json");
    }
}
