using System.Net;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Unit.Evidence;

public sealed class SecretRedactorTests
{
    // Distinctive, with every character RFC 6749 §2.3.1 makes an encoder touch.
    private const string Secret = "Zx9:Secret+2&=%/ é\"q";
    private const string Token = "f3b1c2d4-7a8e-4c1b-9d2e-0a1b2c3d4e5f";
    private const string JwtLikeToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlK3NsYXNoLw==";

    private SecretRedactor redactor = null!;

    [SetUp]
    public void SetUp()
    {
        redactor = new SecretRedactor();
        redactor.RegisterSecret(Secret);
        redactor.RegisterToken(Token);
        redactor.RegisterToken(JwtLikeToken);
    }

    [Test]
    public void Basic_authorization_keeps_its_scheme_only()
    {
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("rator-web:Web-Secret-1"));

        redactor.RedactHeader("Authorization", basic).Should().Be("Basic «redacted»");
        redactor.RedactHeader("authorization", "basic abc").Should().Be("basic «redacted»");
    }

    [Test]
    public void Bearer_authorization_becomes_a_fingerprint_that_reveals_no_part_of_the_token()
    {
        var redacted = redactor.RedactHeader("Authorization", "Bearer " + Token);

        redacted.Should().MatchRegex("^Bearer «token:[0-9a-f]{8}»$");
        redacted.Should().Be("Bearer " + redactor.Fingerprint(Token));
        redacted.Should().NotContain(Token[..4]).And.NotContain(Token[^4..]);
        redactor.RedactHeader("Authorization", "BEARER " + Token).Should().StartWith("BEARER «token:", "the scheme's casing is evidence (RS-02)");
        redactor.Fingerprint(Token).Should().Be(redactor.Fingerprint(Token)).And.NotBe(redactor.Fingerprint(JwtLikeToken));
        new SecretRedactor().Fingerprint(Token).Should().NotBe(redactor.Fingerprint(Token), "fingerprints are keyed per run");
    }

    [Test]
    public void Malformed_or_unknown_authorization_is_masked_whole()
    {
        redactor.RedactHeader("Authorization", "Bearer t,junk").Should().StartWith("Bearer «token:");
        redactor.RedactHeader("Authorization", "justatokenwithoutscheme").Should().Be("«redacted»");
        redactor.RedactHeader("Authorization", "Digest username=\"x\"").Should().Be("Digest «redacted»");
        redactor.RedactHeader("Cookie", "JSESSIONID=abc").Should().Be("«redacted»");
    }

    [TestCase("grant_type=password&username=alice.b1&password=Alice-Pass-1&brand_key=BRAND1", "password=«redacted»")]
    [TestCase("client_id=rator-web&client_secret=Web-Secret-1", "client_secret=«redacted»")]
    [TestCase("https://h/rator/oauth/token?username=a&PASSWORD=p%40ss&grant_type=password", "PASSWORD=«redacted»")]
    [TestCase("https://h/rator/api/x?access_token=unregistered-token-1", "access_token=«token:")]
    [TestCase("grant_type=refresh_token&refresh_token=unregistered-refresh-9", "refresh_token=«token:")]
    [TestCase("?token=unregistered-3", "token=«token:")]
    public void Credential_fields_in_forms_and_queries_are_masked(string text, string expected)
    {
        var redacted = redactor.Redact(text);

        redacted.Should().Contain(expected);
        redacted.Should().NotContain("Alice-Pass-1").And.NotContain("Web-Secret-1").And.NotContain("unregistered").And.NotContain("p%40ss");
    }

    [Test]
    public void Form_fields_keep_their_neighbours_and_empty_values()
    {
        redactor.Redact("grant_type=refresh_token&refresh_token=&brandKey=BRAND1")
            .Should().Be("grant_type=refresh_token&refresh_token=&brandKey=BRAND1", "an empty value is evidence, not a secret");
        redactor.Redact("token_type=bearer&brand_key=BRAND1").Should().Be("token_type=bearer&brand_key=BRAND1");
    }

    [Test]
    public void Json_credential_properties_are_masked()
    {
        var json = """{"access_token":"not-registered-at","token_type":"bearer","refresh_token":"not-registered-rt","expires_in":1799,"password":"p\"w","scope":"read"}""";

        var redacted = redactor.Redact(json);

        redacted.Should().NotContain("not-registered").And.NotContain("p\\\"w");
        redacted.Should().Contain("\"token_type\":\"bearer\"").And.Contain("\"expires_in\":1799").And.Contain("\"password\":\"«redacted»\"");
        redacted.Should().Contain($"\"access_token\":\"{redactor.Fingerprint("not-registered-at")}\"");
    }

    [Test]
    public void A_registered_secret_is_masked_in_every_encoding()
    {
        var forms = new[]
        {
            Secret,
            Uri.EscapeDataString(Secret),
            WebUtility.UrlEncode(Secret),
            WebUtility.UrlEncode(Secret).ToLowerInvariant(),
            JsonSerializer.Serialize(Secret),
            JsonEncodedText.Encode(Secret).ToString(),
            WebUtility.HtmlEncode(Secret),
            Convert.ToBase64String(Encoding.UTF8.GetBytes("rator-partner:" + Secret)),
            Convert.ToBase64String(Encoding.UTF8.GetBytes("rator-partner:" + WebUtility.UrlEncode(Secret))),
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        };

        foreach (var form in forms)
        {
            foreach (var text in new[] { form, $"before {form} after", $"x={form}&y=1", $"{{\"v\":\"{form}\"}}" })
            {
                var redacted = redactor.Redact(text);
                redacted.Should().Contain(SecretRedactor.Mask, $"'{text}' holds the secret");
                redactor.IsClean(redacted).Should().BeTrue();
                redacted.Should().NotContain("Zx9");
            }
        }
    }

    [Test]
    public void Basic_credentials_in_free_text_are_masked()
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("someone:else-entirely"));

        redactor.Redact($"401 for header 'Authorization: Basic {basic}'").Should().Be("401 for header 'Authorization: Basic «redacted»'");
        redactor.Redact($"sent Basic {basic} twice").Should().Be("sent Basic «redacted» twice");
    }

    [TestCase("sent Bearer abcdEFGHijkl0123456789xyz to the resource")]
    [TestCase("sent Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl")]
    [TestCase("curl -H 'Authorization: Bearer opaquetokenvalue'")]
    [TestCase("Authorization=Bearer plainletters")]
    public void Bearer_credentials_in_free_text_are_masked(string text)
    {
        var redacted = redactor.Redact(text);

        redacted.Should().MatchRegex("Bearer «token:[0-9a-f]{8}»");
    }

    [TestCase("curl -u rator-web:Web-Secret-1 https://rator.example/oauth/token", "Web-Secret-1")]
    [TestCase("Basic cmF0b3Itd2ViOldlYi1TZWNyZXQtMQ== sent", "cmF0b3Itd2ViOldlYi1TZWNyZXQtMQ==")]
    [TestCase("curl --user 'someone:Unknown-Secret-9' https://rator.example", "Unknown-Secret-9")]
    [TestCase("curl -u someone:Unknown-Secret-9", "Unknown-Secret-9")]
    public void Curl_user_options_and_basic_credentials_are_masked(string text, string credential)
    {
        var fresh = new SecretRedactor();
        fresh.RegisterSecret("Web-Secret-1");

        fresh.Redact(text).Should().NotContain(credential).And.Contain(SecretRedactor.Mask);
    }

    // Requirement names, failure messages and sentences of the catalogue: words after Basic/Bearer are not credentials.
    [TestCase("A refused client gets a Basic challenge (RFC 6749 §5.2)")]
    [TestCase("Basic authentication of the client is required")]
    [TestCase("the Bearer token is sent in the Authorization header, never in the query")]
    [TestCase("Expected a Bearer challenge, but the deployment answered 401 without WWW-Authenticate.")]
    [TestCase("Bearer authentication.")]
    [TestCase("HTTP Basic credentials: the deployment accepted Basic credentials encoded twice")]
    public void Prose_after_basic_or_bearer_is_left_alone(string prose)
    {
        redactor.Redact(prose).Should().Be(prose);
    }

    [Test]
    public void A_shell_variable_in_a_reproduction_command_is_not_a_credential()
    {
        const string command = "curl -H \"Authorization: Bearer ${RATOR_ACCESS_TOKEN}\" -u \"rator-web:${RATOR_LOCAL_CLIENTS_PRIMARY_SECRET}\"";

        redactor.Redact(command).Should().Be(command);
    }

    [Test]
    public void A_registered_token_becomes_its_fingerprint_wherever_it_appears()
    {
        var fingerprint = redactor.Fingerprint(Token);

        redactor.Redact($"Invalid access token: {Token}.").Should().Be($"Invalid access token: {fingerprint}.");
        redactor.Redact($"\"{Token}\"").Should().Be($"\"{fingerprint}\"");
        redactor.Redact($"https://h/x?t={Token}&y").Should().Be($"https://h/x?t={fingerprint}&y");
        redactor.Redact(JwtLikeToken).Should().Be(redactor.Fingerprint(JwtLikeToken));
        redactor.Redact(Uri.EscapeDataString(JwtLikeToken)).Should().Be(redactor.Fingerprint(JwtLikeToken));
        redactor.Redact(JwtLikeToken.Replace("/", "\\/")).Should().Be(redactor.Fingerprint(JwtLikeToken));
    }

    [Test]
    public void Challenges_and_ordinary_text_are_left_alone()
    {
        const string challenge = "Bearer realm=\"rator\", error=\"invalid_token\", error_description=\"Invalid access token\"";

        redactor.RedactHeader("WWW-Authenticate", challenge).Should().Be(challenge);
        redactor.RedactHeader("WWW-Authenticate", "Basic realm=\"oauth2/client\"").Should().Be("Basic realm=\"oauth2/client\"");
        redactor.Redact("HTTP/1.1 400 Bad Request, brand_key=BRAND1").Should().Be("HTTP/1.1 400 Bad Request, brand_key=BRAND1");
    }

    [Test]
    public void Token_digests_feed_the_artifact_scan_without_holding_tokens()
    {
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Token)));

        redactor.TokenDigests().Should().HaveCount(2).And.Contain(digest);
        string.Concat(redactor.TokenDigests()).Should().NotContain(Token);
    }

    [Test]
    public void Odd_escapes_never_break_redaction()
    {
        redactor.Redact("""{"access_token":"bad\qescape"}""").Should().StartWith("{\"access_token\":\"«token:");
        redactor.Redact("password=%ZZ&x").Should().Be("password=«redacted»&x");
    }

    [Test]
    public void Redaction_is_idempotent()
    {
        var once = redactor.Redact($"Authorization: Bearer {Token}\npassword={Secret}\n{{\"access_token\":\"{Token}\"}}");

        redactor.Redact(once).Should().Be(once);
    }

    [Test]
    public void Short_values_are_not_registered_as_free_text_secrets()
    {
        redactor.RegisterSecret("ab");

        redactor.Redact("a table about cabs").Should().Be("a table about cabs");
    }

    [Test]
    public async Task Registration_and_redaction_are_safe_in_parallel()
    {
        var tokens = Enumerable.Range(0, 400).Select(i => $"parallel-token-{i:D4}-{Guid.NewGuid():N}").ToArray();

        await Task.WhenAll(tokens.Select(token => Task.Run(() =>
        {
            redactor.RegisterToken(token);
            redactor.RegisterSecret("secret-of-" + token);
            redactor.Redact($"seen {token} and secret-of-{token}").Should().NotContain(token);
        })));

        redactor.TokenCount.Should().BeGreaterThanOrEqualTo(400);
    }
}
