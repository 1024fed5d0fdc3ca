using System.Net.Http.Headers;
using System.Text;

namespace Rator.Sandbox.Tests;

/// <summary>
/// Hostile or broken requests get a 4xx JSON answer, never a 500 or a stack trace; the base class
/// also proves none of them reached the last-resort error handler (ER-06, BK-02).
/// </summary>
public sealed class BadInputTests : SandboxTestBase
{
    private Task<Reply> PostRaw(string body, string? contentType, IEnumerable<(string, string)>? query = null, bool expectContinue = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Api.Url("oauth/token", query ?? [("brand_key", "BRAND1")]));
        if (expectContinue) request.Headers.ExpectContinue = true;
        request.Headers.TryAddWithoutValidation("Authorization", SandboxClient.Basic(Fixtures.Web));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Content = content;
        return Api.SendAsync(request);
    }

    private static void ShouldBeClean4xx(Reply reply)
    {
        reply.Status.Should().BeInRange(400, 499, reply.Body);
        reply.ContentType.Should().StartWith("application/json");
        reply.Error.Should().NotBeNullOrEmpty();
        reply.Body.Should().NotContainAny("Exception", "   at ", "SQLite", "System.");
        reply.AccessToken.Should().BeNull();
    }

    [Test]
    public async Task An_oversized_body_is_413_JSON()
    {
        // Sent as careful clients send large bodies (Expect: 100-continue): the refusal comes before the body, so the
        // answer cannot be lost to a connection the server closes while the body is still being written.
        var reply = await PostRaw("grant_type=password&username=" + new string('a', 70 * 1024), "application/x-www-form-urlencoded", expectContinue: true);
        ShouldBeClean4xx(reply);
        reply.Status.Should().Be(413);
    }

    [TestCase("{\"grant_type\":\"password\",\"username\":\"alice.b1\",\"password\":\"Alice-Pass-1\"}", "application/json")]
    [TestCase("grant_type=password&username=alice.b1&password=Alice-Pass-1", "text/plain")]
    [TestCase("<xml/>", "application/xml")]
    [TestCase("grant_type=password", "multipart/form-data; boundary=x")]
    [TestCase("grant_type=password", "application/octet-stream")]
    [TestCase("grant_type=password", null)]
    public async Task Wrong_content_types_are_400_invalid_request(string body, string? contentType)
    {
        var reply = await PostRaw(body, contentType);
        ShouldBeClean4xx(reply);
        reply.Status.Should().Be(400);
        reply.Error.Should().Be("invalid_request");
    }

    [TestCase("grant_type=password&username=%zz&password=%")]
    [TestCase("%%%%&&&===")]
    [TestCase("grant_type=password&username=alice.b1&password=Alice-Pass-1&=&&=x")]
    [TestCase("grant_type=pass\u0000word")]
    public async Task Malformed_forms_are_4xx_JSON(string body)
    {
        ShouldBeClean4xx(await PostRaw(body, "application/x-www-form-urlencoded"));
    }

    [Test]
    public async Task Invalid_UTF8_in_the_form_is_4xx_JSON()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Api.Url("oauth/token", [("brand_key", "BRAND1")]));
        request.Headers.TryAddWithoutValidation("Authorization", SandboxClient.Basic(Fixtures.Web));
        request.Content = new ByteArrayContent([.. "grant_type=password&username="u8, 0xC3, 0x28, 0xFF, .. "&password=x"u8]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        ShouldBeClean4xx(await Api.SendAsync(request));
    }

    [TestCase("ålice.b1", "Pässwörd")]
    [TestCase("用户", "密码")]
    [TestCase("alice.b1'; DROP TABLE RATOR_CUSTOMER;--", "x' OR '1'='1")]
    [TestCase("alice.b1\r\nX-Injected: 1", "x")]
    public async Task Odd_credentials_are_just_invalid_grant(string username, string password)
    {
        var reply = await Api.PasswordAsync(new User(username, password, "BRAND1", null, null));
        ShouldBeClean4xx(reply);
        reply.Error.Should().Be("invalid_grant");
    }

    [Test]
    public async Task Very_long_values_are_400_in_the_body_and_in_the_query()
    {
        var longValue = new string('x', 5000);
        var inBody = await Api.PasswordAsync(new User("alice.b1", longValue, "BRAND1", null, null));
        var inQuery = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), null,
            [("grant_type", "password"), ("username", longValue), ("password", "x"), ("brand_key", "BRAND1")]);
        var veryLongQuery = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), null, [("foo", new string('y', 40_000)), ("brand_key", "BRAND1")]);

        ShouldBeClean4xx(inBody);
        ShouldBeClean4xx(inQuery);
        ShouldBeClean4xx(veryLongQuery);
    }

    [Test]
    public async Task A_long_but_acceptable_password_is_just_wrong()
    {
        var reply = await Api.PasswordAsync(new User("alice.b1", new string('p', 2000), "BRAND1", null, null));
        reply.Error.Should().Be("invalid_grant");
    }

    [Test]
    public async Task Many_duplicate_parameters_are_400()
    {
        var form = Enumerable.Range(0, 500).Select(_ => ("username", "alice.b1")).Append(("grant_type", "password"));
        var reply = await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), form, [("brand_key", "BRAND1")]);
        ShouldBeClean4xx(reply);
        reply.Error.Should().Be("invalid_request");
    }

    [Test]
    public async Task Too_many_parameters_are_4xx_JSON()
    {
        var form = Enumerable.Range(0, 3000).Select(i => ($"p{i}", "v"));
        ShouldBeClean4xx(await Api.TokenAsync(SandboxClient.Basic(Fixtures.Web), form, [("brand_key", "BRAND1")]));
    }

    [Test]
    public async Task Non_ASCII_bytes_in_headers_are_answered_by_the_sandbox()
    {
        // HttpClient refuses to send non-ASCII header bytes, so this one goes over a raw socket.
        var token = await Api.AccessTokenForAsync(Fixtures.Alice);
        var url = Api.Url($"api/billing-groups/{Fixtures.Alice.BillingGroupId}/balance");
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(url.Host, url.Port);
        Stream stream = tcp.GetStream();
        if (url.Scheme == Uri.UriSchemeHttps)
        {
            var tls = new System.Net.Security.SslStream(stream, false, (_, _, _, _) => true);
            await tls.AuthenticateAsClientAsync(url.Host);
            stream = tls;
        }
        var head = Encoding.ASCII.GetBytes($"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\nX-RATOR-brand-key: ");
        byte[] tail = [0x42, 0x52, 0xC4, 0x4E, 0x44, 0x31, .. "\r\n\r\n"u8];
        await stream.WriteAsync(head.Concat(tail).ToArray());
        var response = await new StreamReader(stream, Encoding.Latin1).ReadToEndAsync();

        response.Should().StartWith("HTTP/1.1 400");
        response.Should().Contain("\"error\":\"invalid_request\"");
    }

    [Test]
    public async Task A_non_ASCII_Basic_credential_is_invalid_client()
    {
        var reply = await Api.TokenAsync(SandboxClient.Basic("rätor-wéb", "sécret"),
            [("grant_type", "password"), ("username", "alice.b1"), ("password", "Alice-Pass-1")], [("brand_key", "BRAND1")]);
        ShouldBeClean4xx(reply);
        reply.Status.Should().Be(401);
    }

    [TestCase("POST")]
    [TestCase("DELETE")]
    public async Task Wrong_methods_on_resources_never_5xx(string method)
    {
        var reply = await Api.SendAsync(new HttpRequestMessage(new HttpMethod(method), Api.Url("api/billing-groups/1/balance")));
        reply.Status.Should().BeInRange(400, 499);
    }

    [Test]
    public async Task A_chunked_body_is_read_like_any_other()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Api.Url("oauth/token", [("brand_key", "BRAND1")]));
        request.Headers.TryAddWithoutValidation("Authorization", SandboxClient.Basic(Fixtures.Web));
        request.Headers.TransferEncodingChunked = true;
        request.Content = new StreamContent(new MemoryStream("grant_type=password&username=alice.b1&password=Alice-Pass-1"u8.ToArray()));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        (await Api.SendAsync(request)).Status.Should().Be(200);
    }
}
