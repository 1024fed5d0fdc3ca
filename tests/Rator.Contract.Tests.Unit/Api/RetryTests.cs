using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Unit.Api;

public sealed class RetryTests
{
    [Test]
    public async Task A_503_with_a_short_Retry_After_is_retried_twice_recorded_then_failed_honestly()
    {
        await using var server = FakeRatorServer.Always(FakeReply.Respond(503, "down for maintenance", "text/plain", ("Retry-After", "0")));
        using var client = new ClientFixture(server.BaseUrl);

        var response = await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1");

        response.StatusCode.Should().Be(503);
        response.Attempts.Should().Be(3);
        server.Requests.Should().HaveCount(3);
        client.Recorder.Snapshot().Select(e => (e.Attempt, e.StatusCode)).Should().Equal((1, 503), (2, 503), (3, 503));
        response.Describe().Should().Contain("after 3 attempts");
    }

    [Test]
    public async Task A_transient_failure_that_recovers_returns_the_good_answer()
    {
        await using var server = FakeRatorServer.Start((_, n) => n switch
        {
            0 => FakeReply.Respond(502, "bad gateway"),
            1 => FakeReply.Json(429, """{"error":"slow_down"}""", ("Retry-After", "0")),
            _ => FakeReply.Json(200, """{"access_token":"recovered-token-value"}"""),
        });
        using var client = new ClientFixture(server.BaseUrl);

        var token = await client.Api.Tokens.GetPasswordTokenAsync(client.Alice);

        token.Response.Attempts.Should().Be(3);
        client.Recorder.Snapshot().Select(e => e.StatusCode).Should().Equal(502, 429, 200);
    }

    [TestCase(503, "3600", 1)]
    [TestCase(429, null, 1)]
    [TestCase(429, "3600", 1)]
    [TestCase(400, null, 1)]
    [TestCase(401, null, 1)]
    [TestCase(500, null, 1)]
    [TestCase(504, null, 3)]
    public async Task Only_transient_statuses_are_retried(int status, string? retryAfter, int attempts)
    {
        var headers = retryAfter is null ? [] : new[] { ("Retry-After", retryAfter) };
        await using var server = FakeRatorServer.Always(FakeReply.Json(status, """{"error":"x"}""", headers));
        using var client = new ClientFixture(server.BaseUrl);

        var response = await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1");

        response.Attempts.Should().Be(attempts);
        server.Requests.Should().HaveCount(attempts);
    }

    [Test]
    public async Task Retries_can_be_switched_off()
    {
        await using var server = FakeRatorServer.Always(FakeReply.Respond(503, ""));
        using var client = new ClientFixture(server.BaseUrl, retry: RetryPolicy.None);

        var response = await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1");

        response.Attempts.Should().Be(1);
    }
}
