using System.Text.RegularExpressions;

namespace Rator.Sandbox.Tests;

/// <summary>
/// Every token-endpoint refusal: registered code, right status, ASCII-safe description, no-store
/// headers; in English and with Accept-Language: it (ER-01..ER-04, TE-10).
/// </summary>
public sealed partial class ErrorFormatTests : SandboxTestBase
{
    private static readonly string[] Registered =
        ["invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type", "invalid_scope"];

    private static IEnumerable<TestCaseData> Negatives()
    {
        var web = SandboxClient.Basic(Fixtures.Web);
        (string, string)[] alice = [("grant_type", "password"), ("username", "alice.b1"), ("password", "Alice-Pass-1")];
        (string, string)[] brand = [("brand_key", "BRAND1")];
        yield return Case("wrong password", web, [("grant_type", "password"), ("username", "alice.b1"), ("password", "x")], brand, 400);
        yield return Case("bad client", SandboxClient.Basic("rator-web", "x"), alice, brand, 401);
        yield return Case("no client", null, alice, brand, 401);
        yield return Case("no grant_type", web, [("username", "alice.b1")], brand, 400);
        yield return Case("unknown grant", web, [("grant_type", "foo")], brand, 400);
        yield return Case("no brand", web, alice, [], 400);
        yield return Case("unknown brand", web, alice, [("brand_key", "NOPE")], 400);
        yield return Case("bogus scope", web, [.. alice, ("scope", "admin")], brand, 400);
        yield return Case("restricted client, operator grant", SandboxClient.Basic(Fixtures.Restricted),
            [("grant_type", "operator_password"), ("username", "op.b1"), ("password", "Op-Pass-1")], brand, 400);
        yield return Case("unknown refresh token", web, [("grant_type", "refresh_token"), ("refresh_token", "abc")], brand, 400);
        yield return Case("duplicate parameter", web, [.. alice, ("username", "bob.b1")], brand, 400);

        static TestCaseData Case(string name, string? auth, (string, string)[] form, (string, string)[] query, int status) =>
            new TestCaseData(auth, form, query, status).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(Negatives))]
    public async Task Refusals_are_well_formed_in_English_and_Italian(string? auth, (string, string)[] form, (string, string)[] query, int status)
    {
        foreach (var language in new[] { "en", "it" })
        {
            var reply = await Api.TokenAsync(auth, form, query, tweak: r => SandboxClient.Accept(r, language));

            reply.Status.Should().Be(status);
            reply.ContentType.Should().StartWith("application/json");
            reply.Error.Should().BeOneOf(Registered);
            reply.Str("error_description").Should().MatchRegex(SafeDescription().ToString());
            reply.Header("Cache-Control").Should().Be("no-store");
            reply.Header("Pragma").Should().Be("no-cache");
            reply.AccessToken.Should().BeNull();
            if (status == 401) reply.Header("WWW-Authenticate").Should().StartWith("Basic");
        }
    }

    /// <summary>RFC 6749 §5.2: %x20-21 / %x23-5B / %x5D-7E, so no quote, backslash or control character.</summary>
    [GeneratedRegex("^[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]+$")]
    private static partial Regex SafeDescription();
}
