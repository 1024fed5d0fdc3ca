using FluentAssertions;
using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Configuration;
using Reqnroll;

namespace Rator.Contract.Tests.Steps;

/// <summary>How the token endpoint answered: a token or none, and how a refusal is worded.</summary>
[Binding]
public sealed class TokenAnswerSteps(Answers answers, Caller caller, Wallet wallet, EnvironmentProfile profile)
{
    [Then("a token is issued")]
    public void TokenIssued() => answers.Last.Should().IssueAToken(caller.Reading?.Because ?? AllowedByDeclaration ?? "");

    [Then("no token is issued")]
    public void NoTokenIssued() => answers.Last.Should().IssueNoToken(Because);

    [Then("a token is issued to the brand form the environment declares")]
    public void TokenIssuedToDeclaredBrandForm() =>
        DeclaredChoice.Holds(DeclarationReading.OfChoice($"the brand parameter {profile.TokenEndpoint.BrandParameter}", "tokenEndpoint.brandParameter"), TokenIssued);

    [Then("no token is issued, as the environment declares client credentials not offered")]
    public void NoClientCredentialsToken() =>
        DeclaredChoice.Holds(DeclarationReading.OfChoice("that the client credentials grant is not offered", "tokenEndpoint.clientCredentials.offered"), NoTokenIssued);

    [Then("a refresh token comes with it")]
    public void RefreshTokenIncluded() =>
        answers.Last.Token!.HasRefreshToken.Should().BeTrue("the password grant issues a refresh token (RFC 6749 §4.3.3), which the vendor's refresh flow relies on");

    [Then("no refresh token comes with it")]
    public void NoRefreshToken() =>
        answers.Last.Token!.HasRefreshToken.Should().BeFalse("a refresh token SHOULD NOT be included with client credentials (RFC 6749 §4.4.3)");

    [Then("the refusal is {string}")]
    public void RefusedWith(string code) => answers.Last.Should().BeRefusedWith([code], Because);

    [Then("a refusal, if there is one, is {string}")]
    public void RefusalIfAnyIs(string code) => ScopeWidening.CheckRefusalIfAnyIs(answers.Last, code, Because);

    [Then("no token with the wider scope is issued")]
    public void NoWiderToken() =>
        ScopeWidening.Check(answers.Last, answers.LastTokenRequest!.Scope!, wallet.Renewed(answers.LastTokenRequest).GrantedScope);

    [Then("the refusal is one of {string}")]
    public void RefusedWithOneOf(string codes) =>
        answers.Last.Should().BeRefusedWith(codes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    // RFC 6749 §5.2: invalid_client, with 401 when the client tried the Authorization header, and 400 or 401 otherwise.
    [Then("the client is refused as unauthenticated")]
    public void ClientRefusedAsUnauthenticated() =>
        answers.Last.Should().HaveStatus(400, 401).And.BeRefusedWith("invalid_client");

    [Then("the client is refused with a Basic challenge")]
    public void ClientRefusedWithBasicChallenge() =>
        answers.Last.Should().HaveStatus(401).And.ChallengeWith("Basic").And.BeRefusedWith("invalid_client");

    [Then("a refusal of the client is a 401 with a Basic challenge")]
    public void ClientRefusalChallengesWithBasic() => BasicChallenge.Check(answers.Last);

    [Then("the request is refused as a bad request")]
    public void RefusedAsBadRequest() => answers.Last.Should().HaveStatus(400);

    [Then("the request is refused with a client error")]
    public void RefusedWithClientError() => answers.Last.Should().BeClientError(Because);

    [Then("the request is refused as the environment expects for a missing brand")]
    public void RefusedForMissingBrand() => BrandRejection.CheckMissingBrand(answers.Last, answers.LastWasResource, profile);

    [Then("a token is issued, or the request is refused with a client error")]
    public void TokenOrClientError() => MalformedRequests.CheckTokenOrClientError(answers.Last);

    [Then("the refusal is a client error explained in JSON")]
    public void ClientErrorInJson() => answers.Last.Should().BeClientError().And.BeJsonObject();

    [Then("the response may not be stored by any cache")]
    public void NotStored() => answers.Last.Should().ForbidStoring();

    [Then("the response carries Pragma: no-cache")]
    public void PragmaNoCache() => answers.Last.Should().SayPragmaNoCache();

    [Then("the token response is well formed")]
    public void WellFormedTokenResponse() => TokenResponseShape.Check(answers.Last);

    [Then("the token is said to expire within an hour")]
    public void ExpiresWithinAnHour() =>
        answers.Last.Token!.ExpiresIn.Should().BeInRange(1, 3600, "access tokens should be short-lived and say so (RFC 6750 §5.3, RFC 6819 §5.1.5.3)");

    [Then("the status matches the error code")]
    public void StatusMatchesErrorCode() => ErrorFormat.CheckStatusMatchesCode(answers.Last, answers.LastTokenRequest);

    [Then("the refusal is a JSON object with a registered error code")]
    public void RegisteredErrorCode() => ErrorFormat.CheckRegisteredCode(answers.Last);

    [Then("the error code and description use only the characters RFC 6749 allows")]
    public void AllowedCharacters() => ErrorFormat.CheckCharacters(answers.Last);

    [Then("the made-up scope is refused as {string} or left out of the token")]
    public void MadeUpScopeRefusedOrIgnored(string code) =>
        ErrorFormat.CheckScopeRefusedOrIgnored(answers.Last, answers.LastTokenRequest!.Scope!, code);

    // Set when the scenario chose its client for a declared capability: a verdict then names both readings.
    private string Because => caller.Reading?.Because ?? "";

    // A refusal of what the file says the client may do has the same two readings.
    private string? AllowedByDeclaration => answers.LastTokenRequest is { } request
        && request.GrantTypeValue(profile) is { } grant
        && DeclarationReading.OfAllowedGrant(request.Client ?? profile.Clients.Primary, grant) is { } reading
            ? reading.Because
            : null;
}
