using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;

namespace Rator.Contract.Tests.Unit.Assertions;

/// <summary>
/// The security-hardening judgements (SH-01, SH-03, SH-04, SH-06, SH-07) over synthetic answers: each accepts a
/// well-behaved answer and refuses a faulty one with a message that names the clause it enforces.
/// </summary>
public sealed class HardeningRuleTests
{
    // 43 Base64url characters: about 258 random bits, the shape of a 32-byte random token.
    private const string Random1 = "q3Jx9Vb2LmZ0Tn7Yw4Rk8Pd1Sf6Hg5Ja0Uc3Ei9Ol2Xz";
    private const string Random2 = "M8nB4vC7xZ2aS5dF1gH6jK3lQ9wE0rT7yU4iO1pA6sD";

    [Test]
    public void Tokens_of_256_random_bits_are_random_enough() =>
        FluentActions.Invoking(() => TokenRandomness.CheckEnoughBits(Batch(Issued(Random1, Random2)), 128)).Should().NotThrow();

    [Test]
    public void A_short_token_breaks_SH_01() =>
        FluentActions.Invoking(() => TokenRandomness.CheckEnoughBits(Batch(Issued("abc123", Random2)), 128))
            .Should().Throw<AssertionException>().Which.Message
            .Should().Contain("at least 128 bits of randomness (RFC 6749 §10.10, RFC 6819 §5.1.4.2.2)");

    [Test]
    public void A_burst_with_a_refused_sign_in_cannot_judge_randomness() =>
        FluentActions.Invoking(() => TokenRandomness.CheckEnoughBits(Batch(Issued(Random1, Random2), Received(401, "")), 128))
            .Should().Throw<AssertionException>().Which.Message.Should().Contain("every sign-in of the probe succeeds");

    [Test]
    public void Tokens_all_new_are_distinct() =>
        FluentActions.Invoking(() => TokenRandomness.CheckAllDistinct(Batch(Issued(Random1, Random2), Issued(Random2[..40], Random1[..40]))))
            .Should().NotThrow();

    [Test]
    public void A_token_issued_twice_breaks_SH_01() =>
        FluentActions.Invoking(() => TokenRandomness.CheckAllDistinct(Batch(Issued(Random1, Random2), Issued(Random1, Random2[..40]))))
            .Should().Throw<AssertionException>().Which.Message.Should().Contain("every token issued is new (RFC 6749 §10.10)");

    [Test]
    public void Tokens_and_clean_refusals_in_a_parallel_burst_are_no_server_error() =>
        FluentActions.Invoking(() => ConcurrentRequests.CheckNoServerError(Batch(Issued(Random1, Random2), Received(400, SyntheticAnswers.OAuth("invalid_grant")))))
            .Should().NotThrow();

    [Test]
    public void A_server_error_or_no_answer_in_a_parallel_burst_breaks_SH_06() =>
        FluentActions.Invoking(() => ConcurrentRequests.CheckNoServerError(Batch(Received(500, "boom"), ApiResponse.NoAnswer("reset"))))
            .Should().Throw<AssertionException>().Which.Message
            .Should().Contain("each with a token or a clean refusal, never a server error").And.Contain("500");

    [Test]
    public void Guessed_tokens_refused_or_throttled_get_nothing() =>
        FluentActions.Invoking(() => TokenGuessing.CheckEveryGuessRefused(Batch(Received(401, ""), Received(429, ""))))
            .Should().NotThrow();

    [Test]
    public void A_guessed_token_served_breaks_SH_07() =>
        FluentActions.Invoking(() => TokenGuessing.CheckEveryGuessRefused(Batch(Received(401, ""), Received(200, """{"balance":1}"""))))
            .Should().Throw<AssertionException>().Which.Message.Should().Contain("never served (RFC 6819 §4.6.3)");

    [Test]
    public void A_refusal_that_does_not_repeat_the_token_keeps_SH_03() =>
        FluentActions.Invoking(() => TokenEcho.CheckNotRepeated(Random1, Received(401, SyntheticAnswers.OAuth("invalid_token"))))
            .Should().NotThrow();

    [Test]
    public void A_refusal_repeating_the_token_in_its_body_breaks_SH_03() =>
        FluentActions.Invoking(() => TokenEcho.CheckNotRepeated(Random1, Received(401, SyntheticAnswers.OAuth("invalid_token", $"Unknown token {Random1}"))))
            .Should().Throw<AssertionException>().Which.Message
            .Should().Contain("the body").And.Contain("a rejected token must not be echoed back (RFC 6749 §10.3, RFC 6819 §4.6.7)");

    [Test]
    public void A_refusal_repeating_the_token_in_a_header_breaks_SH_03()
    {
        var echo = SyntheticAnswers.Received(401, SyntheticAnswers.OAuth("invalid_token"),
            ("Content-Type", "application/json"), ("WWW-Authenticate", $"Bearer error=\"invalid_token\", token=\"{Random1}\""));

        FluentActions.Invoking(() => TokenEcho.CheckNotRepeated(Random1, echo))
            .Should().Throw<AssertionException>().Which.Message
            .Should().Contain("the WWW-Authenticate header").And.Contain("(RFC 6749 §10.3, RFC 6819 §4.6.7)");
    }

    [Test]
    public void A_closed_endpoint_that_says_nothing_keeps_SH_04() =>
        FluentActions.Invoking(() => ClosedEndpoints.CheckClosedAndSilent(Received(404, """{"error":"not_found"}"""), Random1))
            .Should().NotThrow();

    [Test]
    public void A_served_undocumented_endpoint_breaks_SH_04() =>
        FluentActions.Invoking(() => ClosedEndpoints.CheckClosedAndSilent(Received(200, """{"active":true}"""), Random1))
            .Should().Throw<AssertionException>().Which.Message.Should().Contain("neither served nor redirected (ASVS V10.4.4)");

    [Test]
    public void A_refusal_revealing_token_information_breaks_SH_04() =>
        FluentActions.Invoking(() => ClosedEndpoints.CheckClosedAndSilent(Received(401, $$"""{"active":false,"value":"{{Random1}}"}"""), Random1))
            .Should().Throw<AssertionException>().Which.Message
            .Should().Contain("a closed endpoint reveals no token or key information, but the body has \"active\"");

    private static Answers Batch(params ApiResponse[] batch)
    {
        var answers = new Answers();
        answers.RecordBatch(batch);
        return answers;
    }

    private static ApiResponse Issued(string accessToken, string refreshToken) =>
        Received(200, $$"""{"access_token":"{{accessToken}}","token_type":"bearer","expires_in":300,"refresh_token":"{{refreshToken}}"}""");

    private static ApiResponse Received(int status, string body) => SyntheticAnswers.Received(status, body, ("Content-Type", "application/json"));
}
