namespace Rator.Sandbox.Tests;

/// <summary>The refresh grant with rotation on (the default): RT-01..RT-05, RT-07, RT-08, BK-08.</summary>
public sealed class RefreshTests : SandboxTestBase
{
    [Test]
    public async Task A_refresh_issues_new_tokens_and_kills_the_old_access_token()
    {
        var first = await Api.TokensForAsync(Fixtures.Alice);
        var second = await Api.RefreshAsync(first.RefreshToken!);

        second.Status.Should().Be(200);
        second.AccessToken.Should().NotBe(first.AccessToken);
        second.RefreshToken.Should().NotBe(first.RefreshToken);
        second.Header("Cache-Control").Should().Be("no-store");
        (await Api.BalanceAsync(second.AccessToken, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(200);
        (await Api.BalanceAsync(first.AccessToken, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(401);
    }

    [Test]
    public async Task The_documented_refresh_example_with_brandKey_in_the_body_works()
    {
        var first = await Api.TokensForAsync(Fixtures.Alice);
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web),
            [("grant_type", "refresh_token"), ("refresh_token", first.RefreshToken!), ("brandKey", "BRAND1")],
            tweak: r => r.Headers.Add("Accept", "application/json"));
        reply.Status.Should().Be(200);
    }

    [Test]
    public async Task Reusing_a_rotated_refresh_token_is_refused_and_revokes_the_family()
    {
        var first = await Api.TokensForAsync(Fixtures.Alice);
        var second = await Api.RefreshAsync(first.RefreshToken!);
        var reuse = await Api.RefreshAsync(first.RefreshToken!);

        reuse.Status.Should().Be(400);
        reuse.Error.Should().Be("invalid_grant");
        (await Api.RefreshAsync(second.RefreshToken!)).Status.Should().Be(400);
        (await Api.BalanceAsync(second.AccessToken, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(401);
    }

    [Test]
    public async Task Parallel_refreshes_of_one_token_have_one_winner_and_no_server_errors()
    {
        var first = await Api.TokensForAsync(Fixtures.Bob);
        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Api.RefreshAsync(first.RefreshToken!)));

        // Requests already in flight when the winner rotated the token are refused without revoking;
        // one arriving after that is a reuse and revokes the family. Either way: no 5xx, one winner.
        replies.Should().OnlyContain(r => r.Status == 200 || (r.Status == 400 && r.Error == "invalid_grant"));
        replies.Count(r => r.Status == 200).Should().Be(1);
        var fresh = await Api.TokensForAsync(Fixtures.Bob);
        (await Api.BalanceAsync(fresh.AccessToken, "BRAND1", Fixtures.Bob.BillingGroupId!)).Status.Should().Be(200);
    }

    [Test]
    public async Task Another_client_cannot_use_the_refresh_token_and_the_owner_still_can()
    {
        var first = await Api.TokensForAsync(Fixtures.Alice);
        var stolen = await Api.RefreshAsync(first.RefreshToken!, client: Fixtures.Partner);

        stolen.Status.Should().Be(400);
        stolen.Error.Should().Be("invalid_grant");
        (await Api.RefreshAsync(first.RefreshToken!)).Status.Should().Be(200);
    }

    [Test]
    public async Task A_refresh_needs_client_authentication()
    {
        var first = await Api.TokensForAsync(Fixtures.Alice);
        var reply = await Api.TokenAsync(null, [("grant_type", "refresh_token"), ("refresh_token", first.RefreshToken!)], [("brand_key", "BRAND1")]);

        reply.Status.Should().Be(401);
        reply.Error.Should().Be("invalid_client");
    }

    [Test]
    public async Task A_refresh_can_narrow_but_not_widen_the_scope()
    {
        var narrow = await Api.PasswordAsync(Fixtures.Alice, extra: ("scope", "read"));
        var widened = await Api.RefreshAsync(narrow.RefreshToken!, extra: ("scope", "read write"));
        var subset = await Api.RefreshAsync(narrow.RefreshToken!, extra: ("scope", "read"));

        widened.Status.Should().Be(400);
        widened.Error.Should().Be("invalid_scope");
        subset.Status.Should().Be(200);
        subset.Str("scope").Should().Be("read");
    }

    [Test]
    public async Task Unknown_or_missing_refresh_tokens_are_refused()
    {
        var unknown = await Api.RefreshAsync("bm90LWEtcmVhbC1yZWZyZXNoLXRva2VuLWF0LWFsbC0xMjM0NTY");
        var missing = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), [("grant_type", "refresh_token")], [("brand_key", "BRAND1")]);

        unknown.Status.Should().Be(400);
        unknown.Error.Should().Be("invalid_grant");
        missing.Status.Should().Be(400);
        missing.Error.Should().Be("invalid_request");
    }

    [Test]
    public async Task An_access_token_is_not_a_refresh_token()
    {
        var first = await Api.TokensForAsync(Fixtures.Alice);
        (await Api.RefreshAsync(first.AccessToken!)).Error.Should().Be("invalid_grant");
    }

    [Test]
    public async Task A_refresh_cannot_switch_brand()
    {
        var first = await Api.TokensForAsync(Fixtures.Alice);
        var reply = await Api.RefreshAsync(first.RefreshToken!, brand: Fixtures.Brand2);

        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_grant");
        reply.AccessToken.Should().BeNull();
    }

    [Test]
    public async Task A_refresh_is_refused_once_the_account_is_locked()
    {
        var first = await Api.TokensForAsync(Fixtures.Carol);
        (await Sandbox.Host.SetPrincipalLockedAsync("BRAND2", "carol.b2", true)).Should().BeTrue();
        try
        {
            var reply = await Api.RefreshAsync(first.RefreshToken!, brand: Fixtures.Brand2);
            reply.Status.Should().Be(400);
            reply.Error.Should().Be("invalid_grant");
        }
        finally
        {
            await Sandbox.Host.SetPrincipalLockedAsync("BRAND2", "carol.b2", false);
        }
    }

    [Test]
    public async Task Locking_an_unknown_principal_reports_false()
    {
        (await Sandbox.Host.SetPrincipalLockedAsync("BRAND1", "nobody.b1", true)).Should().BeFalse();
        (await Sandbox.Host.SetPrincipalLockedAsync("BRAND2", "alice.b1", true)).Should().BeFalse("alice is a BRAND1 customer");
    }

    [Test]
    public async Task Operator_tokens_refresh_too()
    {
        var first = await Api.OperatorAsync(Fixtures.Op2);
        var second = await Api.RefreshAsync(first.RefreshToken!, brand: Fixtures.Brand2);
        second.Status.Should().Be(200);
        (await Api.CustomerAsync(second.AccessToken, Fixtures.Brand2, "C-2001")).Status.Should().Be(200);
    }
}

/// <summary>Rotation off: Spring's default reuse of the refresh token.</summary>
public sealed class RefreshWithoutRotationTests : SandboxTestBase
{
    protected override SandboxOptions Options() => new() { RotateRefreshTokens = false };

    [Test]
    public async Task The_same_refresh_token_is_answered_and_keeps_working()
    {
        var first = await Api.TokensForAsync(Fixtures.Alice);
        var second = await Api.RefreshAsync(first.RefreshToken!);
        var third = await Api.RefreshAsync(first.RefreshToken!);

        second.Status.Should().Be(200);
        second.RefreshToken.Should().Be(first.RefreshToken);
        third.Status.Should().Be(200);
        (await Api.BalanceAsync(first.AccessToken, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(401);
        (await Api.BalanceAsync(second.AccessToken, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(401);
        (await Api.BalanceAsync(third.AccessToken, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(200);
    }
}
