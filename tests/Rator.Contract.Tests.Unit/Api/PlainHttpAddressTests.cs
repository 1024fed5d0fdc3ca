using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Unit.Api;

/// <summary>TE-02's address: declared, or port 80 beside an https deployment on 443, never the TLS port itself.</summary>
public sealed class PlainHttpAddressTests
{
    [Test]
    public async Task A_sign_in_over_plain_http_goes_to_the_declared_plain_address_with_the_token_path()
    {
        await using var server = FakeRatorServer.Always(FakeReply.Respond(403, ""));
        using var client = new ClientFixture(new Uri("https://127.0.0.1:1/rator/"),
            shape: p => p with { Tls = p.Tls with { PlainHttpBaseUrl = new Uri($"http://127.0.0.1:{server.Port}/rator/") } });

        var response = await client.Api.Tokens.RequestAsync(TokenRequest.Password(client.Alice).UsingPlainHttp());

        response.StatusCode.Should().Be(403);
        server.Requests.Should().ContainSingle().Which.Path.Should().Be("/rator/oauth/token");
        client.Recorder.Snapshot().Single().Url.Should().StartWith($"http://127.0.0.1:{server.Port}/rator/oauth/token");
    }

    [Test]
    public void An_https_deployment_on_443_is_tried_on_port_80_of_the_same_host_and_context()
    {
        using var client = new ClientFixture(new Uri("https://staging.example.com/rator/"));

        var (address, origin) = PlainHttpAddress.Of(client.Profile);

        address.Should().Be(new Uri("http://staging.example.com/rator/"));
        origin.Should().Contain("port 80");
        PlainHttpAddress.TokenEndpoint(client.Profile).Should().Be(new Uri("http://staging.example.com/rator/oauth/token"));
    }

    [Test]
    public void Another_https_port_has_no_plain_address_to_guess_and_says_which_key_declares_it()
    {
        using var client = new ClientFixture(new Uri("https://staging.example.com:8443/rator/"));

        var (address, reason) = PlainHttpAddress.Of(client.Profile);

        address.Should().BeNull("http:// to the TLS port would only be closed by the TLS layer, which proves nothing");
        reason.Should().Contain("8443").And.Contain("tls.plainHttpBaseUrl");
    }

    [Test]
    public void A_file_that_forbids_plain_http_gets_no_address_even_on_443()
    {
        using var client = new ClientFixture(new Uri("https://staging.example.com/rator/"), shape: p => p with { Tls = p.Tls with { PlainHttpOptedOut = true } });

        PlainHttpAddress.Of(client.Profile).BaseUrl.Should().BeNull();
        PlainHttpAddress.Of(client.Profile).Reason.Should().Contain("tls.plainHttpBaseUrl: null");
    }
}
