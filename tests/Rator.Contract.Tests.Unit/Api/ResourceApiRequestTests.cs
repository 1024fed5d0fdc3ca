using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Unit.Api;

public sealed class ResourceApiRequestTests
{
    private const string Token = "2acda61f-cf4f-42be-8561-563b5db7840f";

    private FakeRatorServer server = null!;
    private ClientFixture client = null!;

    [SetUp]
    public void SetUp()
    {
        server = FakeRatorServer.Always(FakeReply.Json(200, """{"billingGroupId":"201506171857210002","brand":"BRAND1","balance":12.5,"currency":"EUR"}"""));
        client = new ClientFixture(server.BaseUrl);
    }

    [TearDown]
    public async Task TearDown()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Test]
    public async Task The_documented_balance_call()
    {
        var response = await client.Api.Resources.RequestAsync(
            ResourceRequest.Balance("201506171857210002", Token, "BRAND1").WithAcceptLanguage("it"));

        var request = server.Requests.Single();
        request.Method.Should().Be("GET");
        request.Target.Should().Be("/rator/api/billing-groups/201506171857210002/balance");
        request.Header("Authorization").Should().Be("Bearer " + Token);
        request.Headers.Should().Contain(KeyValuePair.Create("X-RATOR-brand-key", "BRAND1"));
        request.Header("Accept-Language").Should().Be("it");
        response.JsonString("currency").Should().Be("EUR");
        response.BodyShape.Should().Be(BodyShape.Json);
    }

    [Test]
    public async Task Token_and_brand_header_variations()
    {
        var resources = client.Api.Resources;
        var balance = ResourceRequest.Balance("201506171857210002", Token, "BRAND1");
        await resources.RequestAsync(balance.WithScheme("bearer"));
        await resources.RequestAsync(balance.WithTokenIn(TokenPlacement.Query));
        await resources.RequestAsync(balance.WithTokenIn(TokenPlacement.HeaderAndQuery));
        await resources.RequestAsync(balance.WithJunkAfterToken());
        await resources.RequestAsync(balance.WithoutToken().WithoutBrandHeader());
        await resources.RequestAsync(balance.WithLowerCaseBrandHeader());
        await resources.RequestAsync(balance.WithBrand("BRAND2"));
        await resources.RequestOperatorOnlyAsync("C-1001", Token, "BRAND1");

        var r = server.Requests;
        r[0].Header("Authorization").Should().Be("bearer " + Token);
        r[1].Header("Authorization").Should().BeNull();
        r[1].QueryParameters.Should().Equal(new[] { KeyValuePair.Create("access_token", Token) });
        r[2].Header("Authorization").Should().Be("Bearer " + Token);
        r[2].QueryParameters.Should().Equal(new[] { KeyValuePair.Create("access_token", Token) });
        r[3].Header("Authorization").Should().Be("Bearer " + Token + ",junk");
        r[4].Header("Authorization").Should().BeNull();
        r[4].Header("X-RATOR-brand-key").Should().BeNull();
        r[5].Headers.Should().Contain(h => h.Key == "x-rator-brand-key", "the header name goes out in the case it was given");
        r[6].Header("X-RATOR-brand-key").Should().Be("BRAND2");
        r[7].Path.Should().Be("/rator/api/customers/C-1001");

        client.Recorder.Count.Should().Be(8);
        client.Recorder.Render().Should().Contain("> Authorization: bearer «token:");
    }
}
