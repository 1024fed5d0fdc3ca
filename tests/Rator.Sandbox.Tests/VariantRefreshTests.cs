namespace Rator.Sandbox.Tests;

/// <summary>The refresh variants in detail: expiry, scope, reuse leeway, rotation and the old access token.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class VariantRefreshTests
{
    private static Task<Reply> Balance(RunningSandbox s, string? token) =>
        s.Client.BalanceAsync(token, "BRAND1", Fixtures.Alice.BillingGroupId!);

    [Test]
    public async Task An_expired_refresh_token_is_401_invalid_token_and_is_not_echoed()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("expired-refresh-invalid-token");
        var tokens = await s.Client.TokensForAsync(Fixtures.Bob, Fixtures.Short);
        var alive = await s.Client.TokensForAsync(Fixtures.Alice, Fixtures.Short);
        (await s.Client.RefreshAsync(alive.RefreshToken!, client: Fixtures.Short)).Status.Should().Be(200, "an unexpired one still works");

        await Task.Delay(TimeSpan.FromSeconds(6.3));
        var reply = await s.Client.RefreshAsync(tokens.RefreshToken!, client: Fixtures.Short);

        reply.Status.Should().Be(401);
        reply.Body.Should().Be("""{"error":"invalid_token","error_description":"Invalid refresh token (expired)"}""");
        reply.Header("WWW-Authenticate").Should().Be("Bearer error=\"invalid_token\", error_description=\"Invalid refresh token (expired)\"");
        reply.Header("Cache-Control").Should().Be("no-store");
        string.Join("\n", reply.Headers.Values).Should().NotContain(tokens.RefreshToken);
        (await s.Client.RefreshAsync("dW5rbm93bi1yZWZyZXNoLXRva2VuLXZhbHVlLXh4eHh4eHh4eHg")).Error.Should().Be("invalid_grant");
    }

    [Test]
    public async Task A_wider_refresh_is_narrowed_to_what_was_granted()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("wider-refresh-scope-narrowed");
        var narrow = await s.Client.PasswordAsync(Fixtures.Alice, extra: ("scope", "read"));

        var wider = await s.Client.RefreshAsync(narrow.RefreshToken!, extra: ("scope", "read write"));
        wider.Status.Should().Be(200);
        wider.Str("scope").Should().Be("read");
        var unrelated = await s.Client.RefreshAsync(wider.RefreshToken!, extra: ("scope", "admin"));
        unrelated.Status.Should().Be(200);
        unrelated.Str("scope").Should().Be("read");

        var full = await s.Client.TokensForAsync(Fixtures.Alice);
        var partly = await s.Client.RefreshAsync(full.RefreshToken!, extra: ("scope", "write admin"));
        partly.Str("scope").Should().Be("write");
    }

    [Test]
    public async Task The_widening_defect_still_wins_over_the_narrowing_variant()
    {
        await using var s = await RunningSandbox.StartAsync(new SandboxOptions
        {
            Variants = ["wider-refresh-scope-narrowed"], Defects = ["refresh-scope-widening"],
        });
        var narrow = await s.Client.PasswordAsync(Fixtures.Alice, extra: ("scope", "read"));
        (await s.Client.RefreshAsync(narrow.RefreshToken!, extra: ("scope", "read write"))).Str("scope").Should().Be("read write");
    }

    [Test]
    public async Task A_superseded_refresh_token_is_served_again_within_the_leeway_and_nothing_is_revoked()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("refresh-reuse-leeway");
        var first = await s.Client.TokensForAsync(Fixtures.Alice);
        var second = await s.Client.RefreshAsync(first.RefreshToken!);
        var again = await s.Client.RefreshAsync(first.RefreshToken!);

        second.RefreshToken.Should().NotBe(first.RefreshToken);
        again.Status.Should().Be(200);
        again.RefreshToken.Should().NotBe(second.RefreshToken);
        (await Balance(s, second.AccessToken)).Status.Should().Be(200);
        (await Balance(s, again.AccessToken)).Status.Should().Be(200);
        (await Balance(s, first.AccessToken)).Status.Should().Be(401, "the refresh still revokes the old access token");
        (await s.Client.RefreshAsync(second.RefreshToken!)).Status.Should().Be(200);
        (await s.Client.RefreshAsync(again.RefreshToken!)).Status.Should().Be(200);
    }

    [Test]
    public async Task After_the_leeway_a_reuse_is_refused_and_revokes_the_family()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("refresh-reuse-leeway");
        var first = await s.Client.TokensForAsync(Fixtures.Alice);
        var second = await s.Client.RefreshAsync(first.RefreshToken!);
        (await s.Client.RefreshAsync(first.RefreshToken!)).Status.Should().Be(200);

        await Task.Delay(TimeSpan.FromSeconds(3.3));
        var late = await s.Client.RefreshAsync(first.RefreshToken!);

        late.Status.Should().Be(400);
        late.Error.Should().Be("invalid_grant");
        (await s.Client.RefreshAsync(second.RefreshToken!)).Status.Should().Be(400);
        (await Balance(s, second.AccessToken)).Status.Should().Be(401);
    }

    [Test]
    public async Task Parallel_refreshes_within_the_leeway_all_win()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("refresh-reuse-leeway");
        var first = await s.Client.TokensForAsync(Fixtures.Bob);
        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => s.Client.RefreshAsync(first.RefreshToken!)));

        replies.Should().OnlyContain(r => r.Status == 200);
        replies.Select(r => r.RefreshToken).Distinct().Should().HaveCount(10);
        s.Host.UnexpectedErrorCount.Should().Be(0);
    }

    [Test]
    public async Task No_refresh_rotation_keeps_the_refresh_token_as_the_option_does()
    {
        await using var s = await RunningSandbox.WithVariantsAsync("no-refresh-rotation", "refresh-reuse-leeway");
        var first = await s.Client.TokensForAsync(Fixtures.Alice);
        var second = await s.Client.RefreshAsync(first.RefreshToken!);
        var third = await s.Client.RefreshAsync(first.RefreshToken!);

        second.RefreshToken.Should().Be(first.RefreshToken);
        third.Status.Should().Be(200);
        (await Balance(s, second.AccessToken)).Status.Should().Be(401);
        (await Balance(s, third.AccessToken)).Status.Should().Be(200);
        s.Host.Options.RotateRefreshTokens.Should().BeFalse();
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task The_old_access_token_lives_on_after_a_refresh(bool rotate)
    {
        await using var s = await RunningSandbox.StartAsync(new SandboxOptions { Variants = ["access-token-kept-on-refresh"], RotateRefreshTokens = rotate });
        var first = await s.Client.TokensForAsync(Fixtures.Alice);
        var second = await s.Client.RefreshAsync(first.RefreshToken!);
        var third = await s.Client.RefreshAsync(second.RefreshToken!);

        third.Status.Should().Be(200);
        foreach (var token in new[] { first.AccessToken, second.AccessToken, third.AccessToken })
            (await Balance(s, token)).Status.Should().Be(200);
        if (!rotate) return;
        // Reuse detection still revokes the whole family, the kept access tokens included.
        (await s.Client.RefreshAsync(first.RefreshToken!)).Status.Should().Be(400);
        (await Balance(s, first.AccessToken)).Status.Should().Be(401);
        (await Balance(s, third.AccessToken)).Status.Should().Be(401);
    }
}
