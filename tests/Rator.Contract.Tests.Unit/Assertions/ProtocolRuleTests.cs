using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;

namespace Rator.Contract.Tests.Unit.Assertions;

/// <summary>The judgements the protocol and declaration rules make, on answers they must refuse (their accepted ones: AcceptedAnswersTests).</summary>
public sealed class ProtocolRuleTests
{
    [Test]
    public void An_empty_parameter_answered_otherwise_than_its_absence_breaks_RFC_6749_section_3_2()
    {
        var check = () => EmptyParameters.CheckAnsweredAsOmitted(Received(400, OAuth("invalid_grant")), Received(400, OAuth("invalid_request")));

        check.Should().Throw<AssertionException>().Which.Message
            .Should().Contain("the empty one got 400").And.Contain("invalid_grant").And.Contain("the one without it 400").And.Contain("invalid_request");
    }

    [Test]
    public void A_repeated_parameter_refused_with_another_code_than_invalid_request_is_told_so() =>
        FluentActions.Invoking(() => RepeatedParameters.CheckRefusedOrServedOnce(Received(400, OAuth("invalid_grant")), "invalid_request"))
            .Should().Throw<AssertionException>().Which.Message.Should().Contain("invalid_request");

    [Test]
    public void A_token_reading_both_brands_is_bound_to_neither() =>
        FluentActions.Invoking(() => BrandBinding.CheckBoundToOne(Received(200, "{}"), Received(200, "{}")))
            .Should().Throw<AssertionException>().Which.Message.Should().Contain("read both");

    [Test]
    public void Ordinary_refusals_and_a_working_sign_in_after_a_burst_show_no_protection()
    {
        var guesses = Enumerable.Range(0, 30).Select(_ => Received(401, OAuth("invalid_client"))).ToList();

        FluentActions.Invoking(() => BruteForceProtection.Check(guesses, Received(200, """{"access_token":"a"}""")))
            .Should().Throw<AssertionException>().Which.Message.Should().Contain("30 wrong guesses");
    }

    [TestCase(400, "invalid_client", "the deployment answered 400")]
    [TestCase(401, "invalid_client", "no WWW-Authenticate header")]
    public void A_client_that_tried_basic_and_is_refused_gets_401_and_a_basic_challenge(int status, string code, string message) =>
        FluentActions.Invoking(() => BasicChallenge.Check(Received(status, OAuth(code))))
            .Should().Throw<AssertionException>().Which.Message.Should().Contain(message);

    [Test]
    public void A_narrowed_token_has_no_refusal_code_to_check() =>
        FluentActions.Invoking(() => ScopeWidening.CheckRefusalIfAnyIs(Received(200, """{"access_token":"a","token_type":"bearer"}"""), "invalid_scope"))
            .Should().NotThrow();

    [Test]
    public void A_refusal_of_a_wider_scope_names_invalid_scope() =>
        FluentActions.Invoking(() => ScopeWidening.CheckRefusalIfAnyIs(Received(400, OAuth("invalid_scope")), "invalid_scope")).Should().NotThrow();

    [Test]
    public void A_refusal_of_a_wider_scope_with_another_code_breaks_RT_04() =>
        FluentActions.Invoking(() => ScopeWidening.CheckRefusalIfAnyIs(Received(400, OAuth("invalid_request")), "invalid_scope"))
            .Should().Throw<AssertionException>().Which.Message.Should().Contain("a refusal naming the error invalid_scope");

    [TestCase(200, """{"access_token":"a","token_type":"bearer"}""")]
    [TestCase(400, """{"error":"invalid_request"}""")]
    [TestCase(413, "<html>Request Entity Too Large</html>")]
    public void A_malformed_request_may_get_a_token_or_a_client_error(int status, string body) =>
        FluentActions.Invoking(() => MalformedRequests.CheckTokenOrClientError(Received(status, body))).Should().NotThrow();

    [Test]
    public void A_malformed_request_answered_with_a_server_error_breaks_ER_06() =>
        FluentActions.Invoking(() => MalformedRequests.CheckTokenOrClientError(Received(500, "")))
            .Should().Throw<AssertionException>().Which.Message.Should().Contain("a client error (4xx), never a success or a server error");

    private static ApiResponse Received(int status, string body) => SyntheticAnswers.Received(status, body, ("Content-Type", "application/json"));

    private static string OAuth(string code) => SyntheticAnswers.OAuth(code);
}
