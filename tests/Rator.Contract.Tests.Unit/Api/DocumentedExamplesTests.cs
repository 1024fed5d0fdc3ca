using System.Text;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Configuration;

namespace Rator.Contract.Tests.Unit.Api;

public sealed class DocumentedExamplesTests
{
    [Test]
    public async Task Each_example_goes_out_as_the_pages_print_it()
    {
        await using var server = FakeRatorServer.Always(FakeReply.Json(200, """{"access_token":"doc-example-token"}"""));
        using var client = new ClientFixture(server.BaseUrl);
        var alice = client.Profile.RequirePrincipal("BRAND1", PrincipalRole.Customer);
        var op = client.Profile.RequirePrincipal("BRAND1", PrincipalRole.Operator);
        var tokens = client.Api.Tokens;

        await tokens.RequestAsync(DocumentedExamples.BrandPagePassword(alice, "BRAND1"));
        await tokens.RequestAsync(DocumentedExamples.AuthenticationPagePassword(alice, "BRAND1"));
        await tokens.RequestAsync(DocumentedExamples.AuthenticationPageOperator(op, "BRAND1"));
        await tokens.RequestAsync(DocumentedExamples.AuthenticationPageClientCredentials("op.b1", "BRAND1"));
        await tokens.RequestAsync(DocumentedExamples.RefreshExample("doc-refresh-token", "BRAND1"));
        await client.Api.Resources.RequestAsync(DocumentedExamples.BrandPageBalance("201506171857210002", "doc-example-token", "BRAND1"));
        await tokens.RequestAsync(DocumentedExamples.BrandPagePasswordWithLiteralPlaceholders());

        var r = server.Requests;
        r[0].Body.Should().BeEmpty();
        r[0].Query.Should().Be("grant_type=password&username=alice.b1&password=Alice-Pass-1&brand_key=BRAND1");
        r[1].Body.Should().Be("grant_type=password&username=alice.b1&password=Alice-Pass-1&brandKey=BRAND1");
        r[2].Body.Should().Be("grant_type=operator_password&username=op.b1&password=Op-Pass-1&brandKey=BRAND1");
        r[3].Body.Should().Be("grant_type=client_credentials&operator=op.b1&brandKey=BRAND1");
        r[4].Body.Should().Be("grant_type=refresh_token&refresh_token=doc-refresh-token&brandKey=BRAND1");
        r[4].Header("Accept").Should().Be("application/json");
        Encoding.UTF8.GetString(Convert.FromBase64String(r[4].Header("Authorization")!["Basic ".Length..])).Should().Be("rator-web:Web-Secret-1");
        r[5].Header("Accept-Language").Should().Be("it");
        r[5].Header("X-RATOR-brand-key").Should().Be("BRAND1");
        r.Take(5).Should().OnlyContain(x => x.Query.Length == 0 || x == r[0]);
        r[6].Method.Should().Be("POST");
        r[6].Target.Should().Be("/rator/oauth/token?username=", "everything after '#' is a fragment, never sent");
        r[6].Body.Should().BeEmpty();
        Encoding.UTF8.GetString(Convert.FromBase64String(r[6].Header("Authorization")!["Basic ".Length..])).Should().Be("myclientid:myclientsecret");
    }
}
