using FluentAssertions;
using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Data;
using Reqnroll;

namespace Rator.Contract.Tests.Steps;

/// <summary>Renewing tokens with the refresh grant, and what a renewal must never allow.</summary>
[Binding]
public sealed class RenewalSteps(Caller caller, Wallet wallet, Cast cast, Deployment deployment, Answers answers, TestData data,
    AccountAdministration accounts, ScopeNarrowing narrowing)
{
    [When("they renew the token with their refresh token")]
    public Task Renew() => deployment.AskForTokenAsync(wallet.RenewalRequest());

    [When("they renew the token without the client authenticating")]
    public Task RenewWithoutClientAuthentication() =>
        deployment.AskForTokenAsync(wallet.RenewalRequest().AuthenticatedBy(ClientAuthentication.None));

    [When("the second client tries to renew the token with that refresh token")]
    public Task RenewAsSecondClient() =>
        deployment.AskForTokenAsync(wallet.RenewalRequest().WithClient(cast.Client(ClientRole.Second)));

    [When("they renew the token asking for a wider scope")]
    public Task RenewWithWiderScope() =>
        deployment.AskForTokenAsync(wallet.RenewalRequest().WithScope($"{wallet.Current.Response.Token?.Scope} rator_admin_{data.Word()}".Trim()));

    [Given("a customer of the home brand holds an access token for only some of their client's scopes")]
    public Task HoldNarrowedToken()
    {
        caller.Become(cast.Customer(cast.HomeBrand), TokenGrant.Password);
        return narrowing.HoldNarrowedTokenAsync();
    }

    [When("they renew the token asking for every scope their client holds")]
    public Task RenewAskingForEveryScope() => deployment.AskForTokenAsync(wallet.RenewalRequest().WithScope(narrowing.ClientScopes));

    [When("they renew the token with a refresh token that was never issued")]
    public Task RenewWithForgedToken()
    {
        answers.PresentedForgery = data.ForgedToken();
        return deployment.AskForTokenAsync(wallet.RenewalPresenting(answers.PresentedForgery));
    }

    [When("they renew the token without sending a refresh token")]
    public Task RenewWithoutRefreshToken() => deployment.AskForTokenAsync(wallet.RenewalPresenting(null));

    [When("they renew the token naming the other brand")]
    public Task RenewForOtherBrand() =>
        deployment.AskForTokenAsync(wallet.RenewalRequest().WithBrand(BrandPresentation.Configured(cast.OtherBrand)));

    [Given("they have renewed the token once")]
    public Task RenewedOnce() => deployment.ObtainTokenAsync(wallet.RenewalRequest());

    [When("their account is locked")]
    public Task LockAccount() => accounts.LockAsync(caller.RequirePerson());

    [When("they renew the token again with the first refresh token")]
    public Task RenewWithFirstRefreshToken() => deployment.AskForTokenAsync(Wallet.RenewalOf(wallet.First));

    [Then("the refresh token still works for its own client")]
    public async Task RefreshTokenStillWorks()
    {
        var answer = await deployment.AskForTokenAsync(wallet.RenewalRequest());
        answer.Should().IssueAToken("a failed attempt by another client must not spend the refresh token (RFC 6749 §10.4)");
    }

    [Then("the latest refresh token no longer works")]
    public async Task LatestRefreshTokenRevoked()
    {
        var answer = await deployment.AskForTokenAsync(wallet.RenewalRequest());
        answer.Should().IssueNoToken("reusing a rotated refresh token revokes its whole family (RFC 9700 §4.14.2)");
    }

    [Then("the renewal is refused, or the renewed token still reads only the home brand")]
    public Task RenewalStaysInBrand() => BrandBinding.CheckRenewalStaysInBrandAsync(answers.Last, ReadOtherBrandWithRenewedToken);

    [Then("the previous access token no longer reads the balance")]
    public async Task PreviousAccessTokenRevoked() => AccessTokenRevocation.CheckRevokedAsDeclared(await ReadWithPreviousToken());

    [Then("the previous access token still reads the balance")]
    public async Task PreviousAccessTokenKept() => AccessTokenRevocation.CheckKeptAsDeclared(await ReadWithPreviousToken());

    [Then("the renewal hands out a new refresh token, as the environment declares")]
    public void RenewalRotates() => RefreshRotation.CheckRotatedAsDeclared(answers.Last, wallet.Renewed(answers.LastTokenRequest!));

    [Then("a token is issued, as the environment declares refresh tokens are kept")]
    public void KeptRefreshTokenWorks() => RefreshRotation.CheckKeptAsDeclared(answers.Last);

    [Then("a token is issued, as the declared reuse leeway allows")]
    public void ReplacedRefreshTokenWorksWithinTheLeeway() =>
        RefreshRotation.CheckAcceptedWithinLeeway(answers.Last, deployment.Profile.TokenEndpoint.RefreshTokenReuseLeeway);

    private Task<ApiResponse> ReadOtherBrandWithRenewedToken() =>
        deployment.ReadAsync(cast.BalanceOf(cast.Customer(cast.OtherBrand), wallet.Current.AccessToken));

    private Task<ApiResponse> ReadWithFirstToken() => ReadWith(wallet.First);

    // The token the last renewal replaced: the first one, or an earlier renewal's when the caller held a renewed token.
    private Task<ApiResponse> ReadWithPreviousToken() => ReadWith(wallet.Tokens[^2]);

    private Task<ApiResponse> ReadWith(IssuedToken token)
    {
        var owner = cast.Customer(caller.RequireBrand());
        return deployment.ReadAsync(cast.BalanceOf(owner, token.AccessToken));
    }

    [Then("the expired access token stays refused")]
    public async Task ExpiredTokenStaysRefused() => (await ReadWithFirstToken()).Should().HaveStatus(401);
}
