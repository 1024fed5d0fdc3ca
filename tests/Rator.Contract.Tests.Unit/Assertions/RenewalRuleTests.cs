using System.Reflection;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Unit.Assertions;

/// <summary>
/// The renewal judgements against what the environment declares (RT-01's previous access token, RT-07's rotation and
/// reuse leeway): the declared behaviour passes; any other fails as a declared choice broken, naming the key to check.
/// </summary>
public sealed class RenewalRuleTests
{
    private const string Declared = "The deployment departs from what its environment file declares";

    [Test]
    public void A_renewal_handing_out_a_new_refresh_token_rotates_as_declared() =>
        FluentActions.Invoking(() => RefreshRotation.CheckRotatedAsDeclared(Renewal("r2"), Held("r1"))).Should().NotThrow();

    [Test]
    public void A_renewal_answering_the_same_refresh_token_breaks_the_declared_rotation() =>
        FluentActions.Invoking(() => RefreshRotation.CheckRotatedAsDeclared(Renewal("r1"), Held("r1")))
            .Should().Throw<AssertionException>().Which.Message
            .Should().StartWith($"{Declared} (that refresh tokens rotate: every renewal hands out a new one)")
            .And.Contain("(check tokenEndpoint.refreshTokenRotation)")
            .And.Contain("the renewal answered the same refresh token again");

    [Test]
    public void A_kept_refresh_token_that_buys_a_token_again_is_kept_as_declared() =>
        FluentActions.Invoking(() => RefreshRotation.CheckKeptAsDeclared(Renewal("r1"))).Should().NotThrow();

    [Test]
    public void A_kept_refresh_token_refused_breaks_the_declared_keeping() =>
        FluentActions.Invoking(() => RefreshRotation.CheckKeptAsDeclared(Received(400, SyntheticAnswers.OAuth("invalid_grant"))))
            .Should().Throw<AssertionException>().Which.Message
            .Should().StartWith($"{Declared} (that refresh tokens are kept across renewals)")
            .And.Contain("a refresh token that is kept buys a token again (RFC 6749 §6)");

    [Test]
    public void A_replaced_refresh_token_accepted_within_the_leeway_keeps_it() =>
        FluentActions.Invoking(() => RefreshRotation.CheckAcceptedWithinLeeway(Renewal("r3"), TimeSpan.FromSeconds(30))).Should().NotThrow();

    [Test]
    public void A_replaced_refresh_token_refused_within_the_leeway_breaks_it() =>
        FluentActions.Invoking(() => RefreshRotation.CheckAcceptedWithinLeeway(Received(400, SyntheticAnswers.OAuth("invalid_grant")), TimeSpan.FromSeconds(30)))
            .Should().Throw<AssertionException>().Which.Message
            .Should().StartWith($"{Declared} (a reuse leeway of 30 s for a replaced refresh token)")
            .And.Contain("(check tokenEndpoint.refreshTokenReuseLeewaySeconds)")
            .And.Contain("RFC 9700 §4.14.2 leaves the leeway open");

    [Test]
    public void A_previous_access_token_refused_is_revoked_as_declared() =>
        FluentActions.Invoking(() => AccessTokenRevocation.CheckRevokedAsDeclared(Received(401, ""))).Should().NotThrow();

    [Test]
    public void A_previous_access_token_still_reading_breaks_the_declared_revocation() =>
        FluentActions.Invoking(() => AccessTokenRevocation.CheckRevokedAsDeclared(Received(200, """{"balance":1}""")))
            .Should().Throw<AssertionException>().Which.Message
            .Should().StartWith($"{Declared} (that a renewal revokes the previous access token)")
            .And.Contain("(check tokenEndpoint.accessTokenRevokedOnRefresh)").And.Contain("a revoked access token reads nothing");

    [Test]
    public void A_previous_access_token_still_reading_is_kept_as_declared() =>
        FluentActions.Invoking(() => AccessTokenRevocation.CheckKeptAsDeclared(Received(200, """{"balance":1}"""))).Should().NotThrow();

    [Test]
    public void A_previous_access_token_refused_breaks_the_declared_keeping() =>
        FluentActions.Invoking(() => AccessTokenRevocation.CheckKeptAsDeclared(Received(401, "")))
            .Should().Throw<AssertionException>().Which.Message
            .Should().StartWith($"{Declared} (that a renewal keeps the previous access token until it expires)")
            .And.Contain("a kept access token still reads the balance");

    private static ApiResponse Renewal(string refreshToken) =>
        Received(200, $$"""{"access_token":"a-{{refreshToken}}","token_type":"bearer","expires_in":300,"refresh_token":"{{refreshToken}}"}""");

    // The token a renewal presented: as the token endpoint would have recorded it.
    private static IssuedToken Held(string refreshToken) =>
        (IssuedToken)Activator.CreateInstance(typeof(IssuedToken), BindingFlags.NonPublic | BindingFlags.Instance, null,
            [TokenRequest.Refresh(refreshToken, "BRAND1"), new OAuthClient("rator-app", "secret"), Renewal(refreshToken), new SecretRedactor()], null)!;

    private static ApiResponse Received(int status, string body) => SyntheticAnswers.Received(status, body, ("Content-Type", "application/json"));
}
