using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Unit.Api;

/// <summary>Targets that misbehave must give a readable response object, never an exception or a hang.</summary>
public sealed class HostileAnswerTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(700);

    [Test]
    public async Task A_target_that_never_answers_hits_the_bounded_timeout_once()
    {
        await using var server = FakeRatorServer.Always(FakeReply.Hang);
        using var client = new ClientFixture(server.BaseUrl, ShortTimeout);
        var clock = Stopwatch.StartNew();

        var response = await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        response.StatusCode.Should().BeNull();
        response.TransportFailure.Should().Be(TransportFailure.Timeout);
        response.TransportError.Should().Be("no answer within 0.7 s (the request timeout, requestTimeoutSeconds)");
        response.Attempts.Should().Be(1, "a timeout is not retried: it would multiply the wait");
        response.Describe().Should().StartWith("no response: no answer within 0.7 s");
        client.Recorder.Snapshot().Single().Render().Should().Contain("! no answer within 0.7 s");
    }

    [Test]
    public async Task A_body_that_stops_arriving_keeps_its_status_and_hits_the_timeout()
    {
        await using var server = FakeRatorServer.Always(FakeReply.HeadersThenHang);
        using var client = new ClientFixture(server.BaseUrl, ShortTimeout);

        var response = await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1");

        response.StatusCode.Should().Be(200);
        response.Answered.Should().BeFalse();
        response.TransportFailure.Should().Be(TransportFailure.Timeout);
        response.TransportError.Should().Be("the response began but its body did not complete within 0.7 s (the request timeout)");
    }

    [Test]
    public async Task An_html_error_page_is_described_not_parsed()
    {
        await using var server = FakeRatorServer.Always(FakeReply.Respond(500,
            "<!DOCTYPE html><html><head><title>Apache Tomcat/9 - Error report</title></head><body>java.lang.NullPointerException</body></html>", "text/html"));
        using var client = new ClientFixture(server.BaseUrl);

        var response = await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1");

        response.StatusCode.Should().Be(500);
        response.BodyShape.Should().Be(BodyShape.Html);
        response.BodyDescription.Should().Be("HTML page 'Apache Tomcat/9 - Error report'");
        response.Token.Should().BeNull();
        response.Error.Should().BeNull();
        response.Describe().Should().Be($"500 Internal Server Error, HTML page 'Apache Tomcat/9 - Error report', {response.Duration.TotalMilliseconds:0} ms");
    }

    [Test]
    public async Task Invalid_json_says_what_it_saw()
    {
        await using var server = FakeRatorServer.Always(FakeReply.Json(200, """{"access_token": "abc", """));
        using var client = new ClientFixture(server.BaseUrl);

        var response = await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1");

        response.StatusCode.Should().Be(200);
        response.BodyShape.Should().Be(BodyShape.InvalidJson);
        response.BodyDescription.Should().StartWith("invalid JSON (application/json, 24 characters)");
        response.Json.Should().BeNull();
        response.IssuedToken.Should().BeFalse();
        var setup = () => client.Api.Tokens.GetPasswordTokenAsync(client.Alice);
        (await setup.Should().ThrowAsync<SetupFailedException>()).Which.Message.Should().Contain("200 OK with invalid JSON");
    }

    [Test]
    public async Task An_empty_200_is_no_token()
    {
        await using var server = FakeRatorServer.Always(FakeReply.Respond(200, ""));
        using var client = new ClientFixture(server.BaseUrl);

        var response = await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1");

        response.IsSuccess.Should().BeTrue();
        response.BodyShape.Should().Be(BodyShape.Empty);
        response.BodyDescription.Should().Be("empty body");
        response.Token.Should().BeNull();
    }

    [Test]
    public async Task A_redirect_is_returned_as_evidence_and_never_followed()
    {
        await using var elsewhere = FakeRatorServer.Always(FakeReply.Json(200, """{"access_token":"stolen-credentials-landed-here"}"""));
        await using var server = FakeRatorServer.Always(FakeReply.Respond(302, "", headers: ("Location", elsewhere.BaseUrl + "oauth/token")));
        using var client = new ClientFixture(server.BaseUrl);

        var response = await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1");

        response.StatusCode.Should().Be(302);
        response.IsRedirect.Should().BeTrue();
        response.Location.Should().Be(elsewhere.BaseUrl + "oauth/token");
        elsewhere.Requests.Should().BeEmpty("credentials must not be re-sent to another place (TE-02)");
        server.Requests.Should().HaveCount(1);
    }

    [Test]
    public async Task A_connection_closed_mid_response_is_a_readable_transport_error()
    {
        await using var server = FakeRatorServer.Always(FakeReply.CloseMidResponse);
        using var client = new ClientFixture(server.BaseUrl);

        var response = await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1");

        response.Answered.Should().BeFalse();
        response.StatusCode.Should().Be(200, "the status line had arrived");
        response.TransportFailure.Should().Be(TransportFailure.ClosedMidResponse);
        response.TransportError.Should().Contain("closed the connection before the response was complete");
        response.Attempts.Should().Be(1, "the target may have acted on the request");
        response.Describe().Should().Contain("closed the connection");
    }

    [Test]
    public async Task A_refused_connection_is_retried_twice_then_reported()
    {
        var port = FreePort();
        using var client = new ClientFixture(new Uri($"http://127.0.0.1:{port}/rator/"));

        var response = await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1");

        response.StatusCode.Should().BeNull();
        response.TransportFailure.Should().Be(TransportFailure.ConnectionRefused);
        response.TransportError.Should().Be($"connection refused by 127.0.0.1:{port}: nothing listens there");
        response.Attempts.Should().Be(3);
        client.Recorder.Snapshot().Select(e => e.Attempt).Should().Equal(1, 2, 3);
        var setup = () => client.Api.Tokens.GetPasswordTokenAsync(client.Alice);
        (await setup.Should().ThrowAsync<SetupFailedException>()).Which.Message.Should().Contain("no response: connection refused");
    }

    [Test]
    public async Task A_reset_connection_is_retried()
    {
        await using var server = FakeRatorServer.Start((_, _) => FakeReply.Json(200, """{"access_token":"after-reset-token"}"""), resetFirst: 1);
        using var client = new ClientFixture(server.BaseUrl);

        var response = await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1");

        response.StatusCode.Should().Be(200, client.Recorder.Render());
        response.Attempts.Should().Be(2);
        client.Recorder.Snapshot().First().TransportError.Should().Match(e => e.Contains("was reset") || e.Contains("without answering"));
    }

    [Test]
    public async Task A_connection_dropped_without_any_answer_is_retried_then_reported()
    {
        await using var server = FakeRatorServer.Always(FakeReply.Reset);
        using var client = new ClientFixture(server.BaseUrl);

        var response = await client.Api.Tokens.RequestPasswordGrantAsync(client.Alice, "BRAND1");

        response.TransportFailure.Should().Be(TransportFailure.ConnectionReset);
        response.TransportError.Should().Match(e => e.Contains("without answering") || e.Contains("was reset"));
        response.Attempts.Should().Be(3);
        server.Requests.Should().HaveCount(3);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
