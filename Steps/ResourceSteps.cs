using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Data;
using Reqnroll;

namespace Rator.Contract.Tests.Steps;

/// <summary>Reading resources with a token: the balance of a billing group and the operator-only customer record.</summary>
[Binding]
public sealed class ResourceSteps(Caller caller, Wallet wallet, Cast cast, Deployment deployment, Answers answers, TestData data)
{
    [When("they read their billing group balance")]
    [When("they read a balance of their brand")]
    public Task ReadOwnBalance() => Read(OwnBalance());

    [When("they read their billing group balance without naming a brand")]
    [When("they read a balance of their brand without naming a brand")]
    public Task ReadWithoutBrand() => Read(OwnBalance().WithoutBrandHeader());

    [When("they read their billing group balance naming the brand in a lower-case header")]
    [When("they read a balance of their brand naming the brand in a lower-case header")]
    public Task ReadWithLowerCaseHeader() => Read(OwnBalance().WithLowerCaseBrandHeader());

    [When("they read their billing group balance presenting the other brand")]
    [When("they read a balance of their brand presenting the other brand")]
    public Task ReadPresentingOtherBrand() => Read(OwnBalance().WithBrand(cast.OtherBrand));

    [When("they read a billing group balance of the other brand presenting that brand")]
    public Task ReadOtherBrandsBalance() =>
        Read(cast.BalanceOf(cast.Customer(cast.OtherBrand), wallet.Current.AccessToken, cast.OtherBrand));

    [When("they read the billing group balance of another customer of their brand")]
    public Task ReadAnotherCustomersBalance() =>
        Read(cast.BalanceOf(cast.Person(PrincipalRole.OtherCustomer, caller.RequireBrand()), wallet.Current.AccessToken, caller.RequireBrand()));

    [When("they read their billing group balance writing the scheme as {string}")]
    public Task ReadWithScheme(string scheme) => Read(OwnBalance().WithScheme(scheme));

    [When("they read their billing group balance without a token")]
    public Task ReadWithoutToken() => Read(OwnBalance().WithoutToken());

    [When("they read their billing group balance with a made-up token")]
    public Task ReadWithForgedToken()
    {
        answers.PresentedForgery = data.ForgedToken();
        return Read(OwnBalance(answers.PresentedForgery));
    }

    [When("they read their billing group balance with the token in the address")]
    public Task ReadWithTokenInQuery() => Read(OwnBalance().WithTokenIn(TokenPlacement.Query));

    [When("they read their billing group balance with the token in the header and in the address")]
    public Task ReadWithTokenTwice() => Read(OwnBalance().WithTokenIn(TokenPlacement.HeaderAndQuery));

    [When("they read their billing group balance with junk after the token")]
    public Task ReadWithMalformedAuthorization() => Read(OwnBalance().WithJunkAfterToken());

    [When("they read the operator-only customer record")]
    public Task ReadOperatorOnlyRecord() =>
        Read(cast.RecordOf(cast.Customer(caller.RequireBrand()), wallet.Current.AccessToken, caller.RequireBrand()));

    [Then("the balance is returned")]
    [Then("the customer record is returned")]
    public void DataReturned() => answers.Last.Should().HaveStatus(200).And.BeDeclaredJson();

    [Then("no balance is disclosed")]
    [Then("no customer record is disclosed")]
    public void NoDataDisclosed() => ResourceRefusal.CheckNoData(answers.Last);

    [Then("the request is refused as unauthenticated")]
    public void RefusedAsUnauthenticated() => answers.Last.Should().HaveStatus(401);

    // RFC 6750 §3.1: invalid_request (400) for a request sent in an unsupported or ambiguous way, invalid_token (401)
    // for credentials that do not parse as a token; servers differ on which of the two a case is.
    [Then("the request is refused as unauthenticated or as a bad request")]
    public void RefusedAsUnauthenticatedOrBadRequest() => answers.Last.Should().HaveStatus(ResourceRefusal.UnauthenticatedOrBadRequest);

    [Then("the request is refused as forbidden or not found")]
    public void RefusedAsForbiddenOrNotFound() => answers.Last.Should().HaveStatus(ResourceRefusal.ForbiddenOrNotFound);

    [Then("the request is refused as forbidden, not found or unauthenticated")]
    public void RefusedAsForbiddenNotFoundOrUnauthenticated() => answers.Last.Should().HaveStatus(ResourceRefusal.ForbiddenNotFoundOrUnauthenticated);

    [Then("the request is refused, or the token issued reads only one of the two brands")]
    public Task RefusedOrBoundToOneBrand() => BrandBinding.CheckRefusedOrBoundToOneAsync(answers.Last, ReadBothBrandsWithCurrentToken);

    [Then("the request is refused as the environment expects for a foreign brand")]
    public void RefusedForForeignBrand() => BrandRejection.CheckForeignBrand(answers.Last, deployment.Profile);

    [Then("the answer challenges the caller to present a bearer token")]
    public void BearerChallenge() => answers.Last.Should().ChallengeWith("Bearer");

    [Then("the challenge carries no error code")]
    public void ChallengeWithoutErrorCode() => ResourceRefusal.CheckChallengeHasNoError(answers.Last);

    [Then("the answer says the token is invalid")]
    public void SaysTokenInvalid() => ResourceRefusal.CheckInvalidToken(answers.Last);

    [Then("the token reads the customer's billing group balance")]
    public async Task TokenReadsBalance()
    {
        var brand = wallet.Current.Brand ?? caller.RequireBrand();
        await Read(cast.BalanceOf(cast.Customer(brand), wallet.Current.AccessToken, brand));
        DataReturned();
    }

    private async Task<(ApiResponse Home, ApiResponse Other)> ReadBothBrandsWithCurrentToken()
    {
        var token = wallet.Current.AccessToken;
        var home = await deployment.ReadAsync(cast.BalanceOf(cast.Customer(cast.HomeBrand), token, cast.HomeBrand));
        var other = await deployment.ReadAsync(cast.BalanceOf(cast.Customer(cast.OtherBrand), token, cast.OtherBrand));
        return (home, other);
    }

    private ResourceRequest OwnBalance(string? token = null)
    {
        var brand = caller.RequireBrand();
        var owner = caller.Person is { Role: PrincipalRole.Customer or PrincipalRole.OtherCustomer } person ? person : cast.Customer(brand);
        return cast.BalanceOf(owner, token ?? (wallet.HasToken ? wallet.Current.AccessToken : null), brand);
    }

    private Task Read(ResourceRequest request) =>
        deployment.ReadAsync(caller.Language is null ? request : request.WithAcceptLanguage(caller.Language));
}
