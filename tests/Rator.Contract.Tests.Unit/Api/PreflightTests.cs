using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Hooks;

namespace Rator.Contract.Tests.Unit.Api;

public sealed class PreflightTests
{
    private static readonly RetryPolicy QuickRetries = RetryPolicy.Default with { Backoff = TimeSpan.FromMilliseconds(10) };

    [Test]
    public async Task A_target_unavailable_for_a_moment_still_lets_the_run_start()
    {
        await using var server = FakeRatorServer.Start((_, n) => n == 0
            ? FakeReply.Respond(503, "restarting", "text/plain", ("Retry-After", "0"))
            : FakeReply.Json(200, """{"access_token":"first-token-after-restart","token_type":"bearer","expires_in":60}"""));
        using var client = new ClientFixture(server.BaseUrl);

        await Preflight.CheckAsync(client.Profile, client.Redactor, QuickRetries);

        server.Requests.Should().HaveCount(2);
    }

    [Test]
    public async Task A_target_that_stays_unavailable_ends_the_run_without_trying_every_grant()
    {
        await using var server = FakeRatorServer.Always(FakeReply.Respond(503, "down", "text/plain", ("Retry-After", "0")));
        using var client = new ClientFixture(server.BaseUrl);

        var failure = await FluentActions.Awaiting(() => Preflight.CheckAsync(client.Profile, client.Redactor, QuickRetries))
            .Should().ThrowAsync<PreflightException>();

        failure.Which.Message.Should().Contain("503 Service Unavailable").And.Contain("after 3 attempts").And.NotContain("operator grant");
        server.Requests.Should().HaveCount(3, "one grant, retried twice; the other grants would meet the same 503");
    }
}
