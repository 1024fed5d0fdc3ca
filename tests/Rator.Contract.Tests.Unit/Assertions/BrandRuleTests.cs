using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Configuration;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Unit.Configuration;

namespace Rator.Contract.Tests.Unit.Assertions;

/// <summary>
/// The brand judgements (BK-01, BK-04, BK-05, BK-06, BK-08) over synthetic answers: a refusal or a token kept to
/// its brand passes, a token that crosses brands or a status the environment does not declare fails, naming why.
/// </summary>
public sealed class BrandRuleTests
{
    private static readonly ApiResponse Refused = Received(400, SyntheticAnswers.OAuth("invalid_request"));
    private static readonly ApiResponse Token = Received(200, """{"access_token":"a","token_type":"bearer","expires_in":300}""");
    private static readonly ApiResponse Balance = Received(200, """{"billingGroupId":"1","balance":12.5,"currency":"EUR"}""");
    private static readonly ApiResponse Forbidden = Received(403, """{"error":"forbidden"}""");

    private static readonly EnvironmentProfile Profile = RepositoryEnvironments.Local(new SecretRedactor(), new Uri("https://rator.example/"));

    [Test]
    public async Task A_refused_renewal_naming_another_brand_is_judged_without_reading_anything()
    {
        var read = false;

        await BrandBinding.CheckRenewalStaysInBrandAsync(Refused, () => { read = true; return Task.FromResult(Balance); });

        read.Should().BeFalse("a refusal needs no read to judge");
    }

    [Test]
    public async Task A_renewed_token_that_reads_nothing_of_the_other_brand_keeps_BK_08() =>
        await FluentActions.Awaiting(() => BrandBinding.CheckRenewalStaysInBrandAsync(Token, () => Task.FromResult(Forbidden))).Should().NotThrowAsync();

    [Test]
    public async Task A_renewed_token_reading_the_other_brand_breaks_BK_08() =>
        (await FluentActions.Awaiting(() => BrandBinding.CheckRenewalStaysInBrandAsync(Token, () => Task.FromResult(Balance)))
            .Should().ThrowAsync<AssertionException>()).Which.Message.Should().Contain("a refused call discloses nothing");

    [Test]
    public async Task A_renewal_naming_another_brand_answered_with_a_server_error_breaks_BK_08() =>
        (await FluentActions.Awaiting(() => BrandBinding.CheckRenewalStaysInBrandAsync(Received(500, ""), () => Task.FromResult(Forbidden)))
            .Should().ThrowAsync<AssertionException>()).Which.Message.Should().Contain("a renewal naming another brand is refused");

    [Test]
    public async Task A_token_for_two_brands_reading_one_of_them_keeps_BK_04() =>
        await FluentActions.Awaiting(() => BrandBinding.CheckRefusedOrBoundToOneAsync(Token, () => Task.FromResult((Balance, Forbidden))))
            .Should().NotThrowAsync();

    [Test]
    public async Task A_token_for_two_brands_reading_both_breaks_BK_04() =>
        (await FluentActions.Awaiting(() => BrandBinding.CheckRefusedOrBoundToOneAsync(Token, () => Task.FromResult((Balance, Balance))))
            .Should().ThrowAsync<AssertionException>()).Which.Message.Should().Contain("may read one brand's data only, but it read both");

    [Test]
    public void A_missing_brand_refused_with_a_declared_status_keeps_BK_01_and_BK_05()
    {
        FluentActions.Invoking(() => BrandRejection.CheckMissingBrand(Received(Profile.TokenEndpoint.BrandRejectionStatus.First(), ""), atResource: false, Profile))
            .Should().NotThrow();
        FluentActions.Invoking(() => BrandRejection.CheckMissingBrand(Received(Profile.Resources.BrandRejectionStatus.Last(), ""), atResource: true, Profile))
            .Should().NotThrow();
    }

    [TestCase(false, "tokenEndpoint.brandRejectionStatus")]
    [TestCase(true, "resources.brandRejectionStatus")]
    public void A_missing_brand_answered_otherwise_than_declared_names_the_key(bool atResource, string key) =>
        FluentActions.Invoking(() => BrandRejection.CheckMissingBrand(Received(200, "{}"), atResource, Profile))
            .Should().Throw<AssertionException>().Which.Message
            .Should().StartWith("The deployment departs from what its environment file declares (that a missing brand is refused with")
            .And.Contain($"(check {key})");

    [Test]
    public void A_foreign_brand_refused_with_a_declared_status_keeps_BK_06() =>
        FluentActions.Invoking(() => BrandRejection.CheckForeignBrand(Received(Profile.Resources.BrandRejectionStatus.First(), ""), Profile))
            .Should().NotThrow();

    [Test]
    public void A_foreign_brand_served_breaks_BK_06() =>
        FluentActions.Invoking(() => BrandRejection.CheckForeignBrand(Balance, Profile))
            .Should().Throw<AssertionException>().Which.Message
            .Should().Contain("that a call under another brand is refused with").And.Contain("(check resources.brandRejectionStatus)");

    private static ApiResponse Received(int status, string body) => SyntheticAnswers.Received(status, body, ("Content-Type", "application/json"));
}
