using FluentAssertions;
using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Reqnroll;

namespace Rator.Contract.Tests.Steps;

/// <summary>Real expiry, with the short-lived client: the waits are bounded by the token's own lifetime.</summary>
[Binding]
public sealed class ExpirySteps(Wallet wallet, Cast cast, Expiry expiry)
{
    [Given("the access token has expired")]
    [When("the access token has expired")]
    public Task AccessTokenExpired()
    {
        var token = wallet.Current;
        var owner = cast.Customer(token.Brand ?? cast.HomeBrand);
        return expiry.WaitForAccessTokenExpiryAsync(token, cast.BalanceOf(owner, token.AccessToken));
    }

    [Given("the reuse leeway the environment declares has passed")]
    public Task ReuseLeewayPassed() => expiry.WaitForReuseLeewayAsync(wallet.Current);

    [Given("the refresh token has expired")]
    public Task RefreshTokenExpired() => expiry.WaitForRefreshTokenExpiryAsync(wallet.Current);

    [Then("the token is said to expire within the client's configured validity")]
    public void ExpiresWithinConfiguredValidity()
    {
        var token = wallet.Current;
        var configured = expiry.ConfiguredAccessValidity(token).TotalSeconds;
        token.ExpiresIn.Should().NotBeNull("expires_in tells the caller when the token expires (RFC 6749 §5.1)");
        token.ExpiresIn!.Value.Should().BeInRange(1, (long)configured,
            "the lifetime comes from the client's row in OAUTH_CLIENT_DETAILS ({0} s)", configured);
    }
}
