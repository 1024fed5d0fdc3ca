namespace Rator.Sandbox.Tests;

/// <summary>The resource variants in detail: query tokens, challenge shapes and brand refusals.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class VariantResourceTests
{
    private const string SpringErrorUri = "https://tools.ietf.org/html/rfc6750#section-3.1";

    private static Task<Reply> QueryToken(RunningSandbox s, string token) =>
        s.Client.GetAsync($"api/billing-groups/{Fixtures.Alice.BillingGroupId}/balance", null, "BRAND1", query: [("access_token", token)]);

    [Test]
    public async Task A_query_token_is_a_bad_request_with_the_error_in_the_challenge()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("query-token-bad-request");
        var token = await s.Client.AccessTokenForAsync(Fixtures.Alice);

        var reply = await QueryToken(s, token);

        reply.Status.Should().Be(400);
        reply.Header("WWW-Authenticate").Should().Be(
            "Bearer realm=\"rator\", error=\"invalid_request\", error_description=\"The access token must be sent in the Authorization header\"");
        reply.Error.Should().Be("invalid_request");
        reply.HasProperty("balance").Should().BeFalse();
        reply.Body.Should().NotContain(token);
        (await s.Client.BalanceAsync(null, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(401, "no token at all is still 401");
        (await s.Client.BalanceAsync(token, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(200);
    }

    [Test]
    public async Task The_query_token_defect_still_wins_over_query_token_bad_request()
    {
        await using var s = await RunningSandbox.StartAsync(new SandboxOptions { Variants = ["query-token-bad-request"], Defects = ["query-token-accepted"] });
        var token = await s.Client.AccessTokenForAsync(Fixtures.Alice);
        (await QueryToken(s, token)).Status.Should().Be(200);
    }

    [Test]
    public async Task Challenges_have_Spring_Security_s_shape()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("challenge-shapes", "query-token-bad-request");
        var token = await s.Client.AccessTokenForAsync(Fixtures.Alice);

        var none = await s.Client.BalanceAsync(null, "BRAND1", Fixtures.Alice.BillingGroupId!);
        var garbage = await s.Client.BalanceAsync("Z2FyYmFnZQ", "BRAND1", Fixtures.Alice.BillingGroupId!);
        var malformed = await s.Client.BalanceAsync(null, "BRAND1", Fixtures.Alice.BillingGroupId!,
            m => m.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token},junk"));
        var query = await QueryToken(s, token);

        none.Header("WWW-Authenticate").Should().Be("Bearer");
        garbage.Header("WWW-Authenticate").Should().Be(
            $"Bearer error=\"invalid_token\", error_description=\"Invalid access token\", error_uri=\"{SpringErrorUri}\"");
        malformed.Header("WWW-Authenticate").Should().Be(
            $"Bearer error=\"invalid_token\", error_description=\"Malformed access token\", error_uri=\"{SpringErrorUri}\"");
        query.Header("WWW-Authenticate").Should().Be(
            $"Bearer error=\"invalid_request\", error_description=\"The access token must be sent in the Authorization header\", error_uri=\"{SpringErrorUri}\"");
        new[] { none, garbage, malformed }.Should().OnlyContain(r => r.Status == 401);
    }

    [Test]
    public async Task The_challenge_defects_still_show_with_the_Spring_shape()
    {
        await using var noCode = await RunningSandbox.StartAsync(new SandboxOptions { Variants = ["challenge-shapes"], Defects = ["invalid-token-no-error-code"] });
        (await noCode.Client.BalanceAsync("Z2FyYmFnZQ", "BRAND1", Fixtures.Alice.BillingGroupId!)).Header("WWW-Authenticate").Should().Be("Bearer");

        await using var withCode = await RunningSandbox.StartAsync(new SandboxOptions { Variants = ["challenge-shapes"], Defects = ["no-token-error-code"] });
        (await withCode.Client.BalanceAsync(null, "BRAND1", Fixtures.Alice.BillingGroupId!)).Header("WWW-Authenticate").Should().Contain("error=\"unauthorized\"");
    }

    [Test]
    public async Task Bad_brand_headers_are_403_access_denied_and_a_foreign_token_sees_404()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("resource-brand-refusals");
        var alice = await s.Client.AccessTokenForAsync(Fixtures.Alice);
        var operatorToken = (await s.Client.OperatorAsync(Fixtures.Op1)).AccessToken!;
        var group = Fixtures.Alice.BillingGroupId!;

        var refused = new[]
        {
            await s.Client.BalanceAsync(alice, null, group),
            await s.Client.BalanceAsync(alice, "", group),
            await s.Client.BalanceAsync(alice, "BRAND9", group),
            await s.Client.BalanceAsync(alice, "BRAND1,BRAND2", group),
            await s.Client.BalanceAsync(alice, "BRAND1", group, m => m.Headers.TryAddWithoutValidation("X-RATOR-brand-key", "BRAND1")),
        };
        foreach (var r in refused)
        {
            r.Status.Should().Be(403, r.ToString());
            r.Error.Should().Be("access_denied");
            r.HasProperty("balance").Should().BeFalse();
            r.ContentType.Should().StartWith("application/json");
        }

        var foreign = await s.Client.BalanceAsync(alice, "BRAND2", group);
        var unknownId = await s.Client.BalanceAsync(alice, "BRAND1", "999999999999999999");
        foreign.Status.Should().Be(404);
        foreign.Error.Should().Be("not_found");
        foreign.Body.Should().Be(unknownId.Body, "a foreign brand must look exactly like an unknown object");
        var foreignCustomer = await s.Client.CustomerAsync(operatorToken, "BRAND2", "C-1001");
        foreignCustomer.Status.Should().Be(404);
        foreignCustomer.Body.Should().Be((await s.Client.CustomerAsync(operatorToken, "BRAND1", "C-9999")).Body);
        (await s.Client.BalanceAsync(alice, "BRAND1", group)).Status.Should().Be(200);
    }

    [Test]
    public async Task The_brand_header_defects_still_win_over_the_brand_refusals()
    {
        await using var s = await RunningSandbox.StartAsync(new SandboxOptions
        {
            Variants = ["resource-brand-refusals"], Defects = ["brand-header-optional", "brand-not-bound"],
        });
        var alice = await s.Client.AccessTokenForAsync(Fixtures.Alice);
        (await s.Client.BalanceAsync(alice, null, Fixtures.Alice.BillingGroupId!)).Status.Should().Be(200);
        (await s.Client.BalanceAsync(alice, "BRAND2", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(200);
    }
}
