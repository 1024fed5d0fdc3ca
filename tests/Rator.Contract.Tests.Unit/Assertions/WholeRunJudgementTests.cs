using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Evidence;
using static Rator.Contract.Tests.Unit.Assertions.SyntheticAnswers;

namespace Rator.Contract.Tests.Unit.Assertions;

/// <summary>The rules judged over every answer of a run: what each judges, and how a breach is named.</summary>
public sealed class WholeRunJudgementTests
{
    private static readonly Uri Balance = new("https://rator.example/rator/api/billing-groups/1/balance");

    [Test]
    public void A_breach_names_the_scenario_and_the_exchange_and_the_count_says_what_was_judged()
    {
        var answers = new[]
        {
            Recorded("Brand — A request without a brand", 2, Received(400, OAuth("invalid_request"))),
            Recorded("Brand — Another one", 1, Received(400, OAuth("invalid_request"), ("Cache-Control", "no-store"))),
            Recorded("Tokens — A sign-in", 1, Received(200, TokenBody, ("Cache-Control", "no-store"))),
        };

        var judgement = NeverCached.RefusalsOf(answers, TokenEndpointUrl);

        judgement.Judged.Should().Be(new JudgedAnswers(NeverCached.Refusals, 2, 2));
        judgement.Judged.ToString().Should().Be("judged 2 token-endpoint refusals from 2 scenarios");
        var check = () => judgement.Check(NeverCached.Expectation);
        check.Should().Throw<AssertionException>()
            .Which.Message.Should().Contain("judged 2 token-endpoint refusals from 2 scenarios, and 1 did not")
            .And.Contain("\"Brand — A request without a brand\", exchange #2 POST")
            .And.Contain("no Cache-Control header");
    }

    [Test]
    public void Answers_holding_a_token_are_judged_whatever_their_method_and_refusals_only_when_the_request_was_a_well_formed_post()
    {
        var answers = new[]
        {
            Recorded("GET", 1, Received(405, OAuth("invalid_request")), method: "GET"),
            Recorded("Odd body", 1, Received(400, "<html>Bad Request</html>"), wellFormed: false),
            Recorded("Throttled", 1, Received(429, OAuth("invalid_client"))),
            Recorded("Plain http", 1, Received(400, "plain HTTP sent to HTTPS port"), url: new Uri("http://rator.example/rator/oauth/token")),
            Recorded("Resource", 1, Received(401, ""), url: Balance),
            Recorded("Refusal", 1, Received(401, OAuth("invalid_client"), ("WWW-Authenticate", "Basic"))),
            Recorded("Token by GET", 1, Received(200, TokenBody), method: "GET"),
        };

        RegisteredErrorCodes.Of(answers, TokenEndpointUrl).Judged.Answers.Should().Be(1, "only the refusal of a well-formed POST speaks OAuth");
        NeverCached.AnswersHoldingATokenOf(answers, TokenEndpointUrl).Breaches.Should().ContainSingle()
            .Which.Answer.Scenario.Should().Be("Token by GET");
    }

    [TestCase("""{"error":"invalid_request","error_description":"Missing \"username\" in request."}""", "error_description holds U+0022")]
    [TestCase("""{"error":"invalid_grant","error_description":"Credenziali non valide: è scaduto"}""", "error_description holds U+00E8")]
    [TestCase("""{"error":"invalid_grant","error_uri":"https://example.com/a b"}""", "error_uri holds U+0020")]
    public void An_error_with_a_character_RFC_6749_forbids_is_named(string body, string problem)
    {
        var judgement = ErrorCharacters.Of([Recorded("S", 1, Received(400, body))], TokenEndpointUrl);

        judgement.Breaches.Should().ContainSingle().Which.Problem.Should().StartWith(problem);
    }

    [Test]
    public void A_resource_challenge_naming_an_error_is_judged_too()
    {
        var answer = Received(401, "", ("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"Token scaduto: è così\""));

        var judgement = ErrorCharacters.Of([Recorded("S", 1, answer, url: Balance)], TokenEndpointUrl);

        judgement.Judged.Answers.Should().Be(1);
        judgement.Breaches.Should().ContainSingle().Which.Problem.Should().Contain("the challenge's error_description holds U+00E8");
    }

    [TestCase(500, "", "status 500")]
    [TestCase(400, "java.lang.NullPointerException\n\tat com.rator.oauth.TokenService.issue(TokenService.java:42)", "a Java stack trace")]
    [TestCase(400, "System.InvalidOperationException: x\n   at Rator.Api.Tokens.Issue() in /src/Tokens.cs:line 12", "a .NET stack trace")]
    [TestCase(400, "Traceback (most recent call last):\n  File \"app.py\"", "a Python traceback")]
    [TestCase(400, "TypeError: x\n    at issue (/srv/app/token.js:10:5)", "a Node.js stack trace")]
    [TestCase(400, "ERROR: syntax error at or near \"'\"", "an SQL error")]
    public void A_server_error_or_the_deployments_internals_are_a_breach(int status, string body, string problem) =>
        NoServerErrors.Of([Recorded("S", 1, Received(status, body))]).Breaches.Should().ContainSingle()
            .Which.Problem.Should().Contain(problem);

    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public void The_infrastructure_s_answers_are_no_breach(int status) =>
        NoServerErrors.Of([Recorded("S", 1, Received(status, "<html>Bad Gateway</html>"))]).Breaches.Should().BeEmpty();

    [Test]
    public void A_client_refused_after_trying_basic_without_a_basic_challenge_is_a_breach_that_quotes_the_header()
    {
        var bearer = Received(401, OAuth("invalid_client"), ("WWW-Authenticate", "Bearer realm=\"oauth\", error=\"invalid_client\""));
        var notTried = Received(401, OAuth("invalid_client"));

        var judgement = BasicChallenge.Of([Recorded("Tried", 1, bearer), Recorded("Not tried", 1, notTried, triedBasic: false)], TokenEndpointUrl);

        judgement.Judged.Answers.Should().Be(1, "the MUST applies where the client tried the Authorization header");
        judgement.Breaches.Should().ContainSingle().Which.Problem.Should().Contain("WWW-Authenticate: Bearer realm=\"oauth\", error=\"invalid_client\"");
        var single = () => BasicChallenge.Check(bearer);
        single.Should().Throw<AssertionException>().Which.Message.Should().Contain("with WWW-Authenticate: Bearer realm=");
    }

    [Test]
    public void A_request_is_well_formed_when_its_query_and_body_read_as_utf8_form_fields()
    {
        var recorder = new ExchangeRecorder(new SecretRedactor());
        foreach (var (url, body) in new[]
                 {
                     ("https://rator.example/rator/oauth/token?brand_key=BRAND1", "grant_type=password&username=al%C3%AFce"),
                     ("https://rator.example/rator/oauth/token?brand_key=BRAND1&x_note=%E0%A4", "grant_type=password"),
                     ("https://rator.example/rator/oauth/token?=orphan", "grant_type=password"),
                     ("https://rator.example/rator/oauth/token", "grant_type=password&username=%zz"),
                 })
            recorder.Record(new CapturedExchange
            {
                Purpose = "p", Method = "POST", Url = url, RequestBody = body, StatusCode = 400,
                RequestHeaders = [KeyValuePair.Create("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
            });

        recorder.AnswersOf("S").Select(a => a.WellFormedRequest).Should().Equal(true, false, false, false);
    }

    [Test]
    public async Task Waiting_for_the_other_scenarios_ends_when_they_have_handed_their_answers_over_and_never_waits_for_the_caller()
    {
        var run = new RunAnswers();
        run.Started("judge");
        run.Started("other");

        var waiting = run.WaitForOthersAsync("judge", TimeSpan.FromSeconds(10));
        await Task.Delay(100);
        waiting.IsCompleted.Should().BeFalse();
        run.Finished("other", [Recorded("other", 1, Received(400, OAuth("invalid_grant")))]);

        (await waiting).Should().BeEmpty();
        run.All.Should().ContainSingle();
        (await run.WaitForOthersAsync("judge", TimeSpan.Zero)).Should().BeEmpty("the judge never waits for itself");
    }

    [Test]
    public async Task Waiting_is_bounded_and_says_who_was_still_running()
    {
        var run = new RunAnswers();
        run.Started("slow one");

        (await run.WaitForOthersAsync("judge", TimeSpan.FromMilliseconds(120))).Should().Equal("slow one");
    }

    private const string TokenBody = """{"access_token":"a1","token_type":"bearer","expires_in":300}""";

    // The scenario and exchange first, as the breaches name them.
    private static RecordedAnswer Recorded(string scenario, int sequence, ApiResponse answer, string method = "POST", Uri? url = null,
        bool wellFormed = true, bool triedBasic = true) =>
        SyntheticAnswers.Recorded(answer, scenario, sequence, method, url, wellFormed, triedBasic);
}
