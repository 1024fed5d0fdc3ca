using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;

namespace Rator.Contract.Tests.Unit.Api;

/// <summary>TE-02's judgement over real answers of a plain-HTTP address: nothing issued passes, a token never does.</summary>
public sealed class TransportSecurityTests
{
    [TestCase(403, "{\"error\":\"invalid_request\",\"error_description\":\"HTTPS required\"}", null)]
    [TestCase(400, "The plain HTTP request was sent to HTTPS port", null)]
    [TestCase(301, "", "https://staging.example.com/rator/oauth/token")]
    [TestCase(308, "", "https://staging.example.com/rator/oauth/token")]
    public async Task A_refusal_or_a_redirect_without_a_token_keeps_the_promise(int status, string body, string? location)
    {
        var answer = await PlainAnswer(location is null ? FakeReply.Respond(status, body) : FakeReply.Respond(status, body, headers: ("Location", location)));

        ((Action)(() => TransportSecurity.CheckRefusedOverPlainHttp(answer))).Should().NotThrow();
    }

    [Test]
    public async Task Nothing_listening_keeps_the_promise()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new ClientFixture(new Uri($"http://127.0.0.1:{port}/rator/"), retry: RetryPolicy.Default with { MaxRetries = 0 });

        var answer = await client.Api.Tokens.RequestAsync(TokenRequest.Password(client.Alice));

        answer.Answered.Should().BeFalse();
        ((Action)(() => TransportSecurity.CheckRefusedOverPlainHttp(answer))).Should().NotThrow();
    }

    [Test]
    public async Task A_token_breaks_it()
    {
        var answer = await PlainAnswer(FakeReply.Json(200, """{"access_token":"issued-in-clear","token_type":"bearer","expires_in":60}"""));

        ((Action)(() => TransportSecurity.CheckRefusedOverPlainHttp(answer))).Should().Throw<AssertionException>().WithMessage("*no token may be issued over plain HTTP*");
    }

    [Test]
    public async Task A_redirect_that_carries_a_token_breaks_it()
    {
        var answer = await PlainAnswer(FakeReply.Respond(302, "", headers: ("Location", "https://app.example.com/cb#access_token=abc")));

        ((Action)(() => TransportSecurity.CheckRefusedOverPlainHttp(answer))).Should().Throw<AssertionException>().WithMessage("*must not carry a token*");
    }

    [Test]
    public async Task A_success_without_a_token_breaks_it_too()
    {
        var answer = await PlainAnswer(FakeReply.Respond(200, "<html>welcome</html>", "text/html"));

        ((Action)(() => TransportSecurity.CheckRefusedOverPlainHttp(answer))).Should().Throw<AssertionException>().WithMessage("*not served*");
    }

    private static async Task<ApiResponse> PlainAnswer(FakeReply reply)
    {
        await using var server = FakeRatorServer.Always(reply);
        using var client = new ClientFixture(server.BaseUrl);
        return await client.Api.Tokens.RequestAsync(TokenRequest.Password(client.Alice));
    }
}
