namespace Rator.Sandbox.Tests;

/// <summary>
/// Real expiry with rator-short (2 s access, 6 s refresh): RS-05, RT-06, DC-07. The tests run in
/// parallel so their waits overlap.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ExpiryTests : SandboxTestBase
{
    [Test]
    public async Task An_expired_access_token_gets_401_invalid_token_and_a_refresh_recovers()
    {
        var tokens = await Api.TokensForAsync(Fixtures.Alice, Fixtures.Short);
        tokens.Json!.Value.GetProperty("expires_in").GetInt32().Should().Be(2);
        (await Api.BalanceAsync(tokens.AccessToken, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(200);

        await Task.Delay(TimeSpan.FromSeconds(2.3));
        var expired = await Api.BalanceAsync(tokens.AccessToken, "BRAND1", Fixtures.Alice.BillingGroupId!);

        expired.Status.Should().Be(401);
        expired.Header("WWW-Authenticate").Should()
            .Be("Bearer realm=\"rator\", error=\"invalid_token\", error_description=\"Access token expired\"");
        expired.Body.Should().NotContain(tokens.AccessToken);
        var refreshed = await Api.RefreshAsync(tokens.RefreshToken!, client: Fixtures.Short);
        refreshed.Status.Should().Be(200);
        (await Api.BalanceAsync(refreshed.AccessToken, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(200);
        (await Api.BalanceAsync(tokens.AccessToken, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status.Should().Be(401);
    }

    [Test]
    public async Task An_expired_refresh_token_is_400_invalid_grant()
    {
        var tokens = await Api.TokensForAsync(Fixtures.Bob, Fixtures.Short);

        await Task.Delay(TimeSpan.FromSeconds(6.3));
        var reply = await Api.RefreshAsync(tokens.RefreshToken!, client: Fixtures.Short);

        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_grant");
        reply.Body.Should().NotContain(tokens.RefreshToken);
    }

    [Test]
    public async Task A_rotated_refresh_token_keeps_the_original_deadline()
    {
        var tokens = await Api.TokensForAsync(Fixtures.Carol, Fixtures.Short);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var rotated = await Api.RefreshAsync(tokens.RefreshToken!, brand: Fixtures.Brand2, client: Fixtures.Short);
        rotated.Status.Should().Be(200);

        await Task.Delay(TimeSpan.FromSeconds(3.3));
        (await Api.RefreshAsync(rotated.RefreshToken!, brand: Fixtures.Brand2, client: Fixtures.Short)).Error.Should().Be("invalid_grant");
    }

    [Test]
    public async Task Operator_and_client_credentials_tokens_expire_too()
    {
        var op = await Api.OperatorAsync(Fixtures.Op1, client: Fixtures.Short);
        var cc = await Api.ClientCredentialsAsync("op.b1", client: Fixtures.Short);

        await Task.Delay(TimeSpan.FromSeconds(2.3));

        (await Api.CustomerAsync(op.AccessToken, "BRAND1", "C-1001")).Status.Should().Be(401);
        (await Api.CustomerAsync(cc.AccessToken, "BRAND1", "C-1001")).Status.Should().Be(401);
    }
}
