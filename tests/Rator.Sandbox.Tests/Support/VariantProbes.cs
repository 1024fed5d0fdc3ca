using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Rator.Sandbox.Tests.Support;

/// <summary>
/// One black-box check per variant: true when the host answers that variant's way. The plain sandbox
/// answers false to every one. Requests send the brand as brandKey in the form body and everything else in
/// the body too, the one form that every combination of variants reads, so each probe also works with
/// "all" (except where another variant makes it moot, see <see cref="MootUnderAll"/>).
/// </summary>
public static class VariantProbes
{
    public sealed record Probe(string Variant, bool Slow, Func<RunningSandbox, Task<bool>> ShowsVariant)
    {
        public override string ToString() => Variant;
    }

    /// <summary>
    /// no-refresh-rotation leaves refresh-reuse-leeway nothing superseded to be lenient with; with plain-http-closed
    /// nothing listens on the plain-HTTP port to redirect.
    /// </summary>
    public static readonly IReadOnlySet<string> MootUnderAll = new HashSet<string> { "refresh-reuse-leeway", "plain-http-redirect" };

    public const string BrandKey = "brandKey";

    private static readonly string Web = SandboxClient.Basic(Fixtures.Web);
    private static readonly (string, string)[] Brand1 = [(BrandKey, Fixtures.Brand1)];
    private static readonly (string, string)[] AliceForm =
        [("grant_type", "password"), ("username", "alice.b1"), ("password", "Alice-Pass-1")];

    public static IReadOnlyList<Probe> All { get; } =
    [
        new("token-type-capitalized", false, async s => (await Alice(s)).Str("token_type") == "Bearer"),
        new("jwt-access-tokens", false, async s =>
        {
            var parts = (await Alice(s)).AccessToken!.Split('.');
            return parts.Length == 3 && Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])) == """{"alg":"HS256","typ":"at+jwt"}""";
        }),
        new("hex-refresh-tokens", false, async s => (await Alice(s)).RefreshToken is { } rt && IsLowerHex(rt, 80)),
        new("empty-secret-invalid-request", false, async s =>
        {
            var r = await s.Client.TokenAsync(SandboxClient.Basic("rator-web", ""), [.. AliceForm, .. Brand1]);
            return r.Status == 400 && r.Error == "invalid_request" && r.Header("WWW-Authenticate") is null;
        }),
        new("missing-client-auth-invalid-request", false, async s =>
        {
            var r = await s.Client.TokenAsync(null, [.. AliceForm, .. Brand1]);
            return r.Status == 400 && r.Error == "invalid_request";
        }),
        new("query-token-bad-request", false, async s =>
        {
            var token = (await Alice(s)).AccessToken!;
            var r = await s.Client.GetAsync($"api/billing-groups/{Fixtures.Alice.BillingGroupId}/balance", null, Fixtures.Brand1,
                query: [("access_token", token)]);
            return r.Status == 400 && r.Error == "invalid_request" && r.Header("WWW-Authenticate")?.Contains("error=\"invalid_request\"") == true;
        }),
        new("scope-omitted", false, async s =>
        {
            var r = await Alice(s);
            return r.Status == 200 && !r.HasProperty("scope");
        }),
        new("error-uri-without-description", false, async s =>
        {
            var r = await s.Client.TokenAsync(Web, [.. AliceForm[..2], ("password", "wrong"), .. Brand1]);
            return r.Error == "invalid_grant" && r.Str("error_uri") is not null && !r.HasProperty("error_description");
        }),
        new("challenge-shapes", false, async s =>
        {
            var basic = await s.Client.TokenAsync(SandboxClient.Basic("rator-web", "wrong"), [.. AliceForm, .. Brand1]);
            var bare = await s.Client.BalanceAsync(null, Fixtures.Brand1, Fixtures.Alice.BillingGroupId!);
            return basic.Header("WWW-Authenticate") == "Basic realm=\"rator\", charset=\"UTF-8\"" && bare.Header("WWW-Authenticate") == "Bearer";
        }),
        new("cache-control-directives", false, async s =>
        {
            var r = await Alice(s);
            return HasSpringCacheControl(r) && r.Header("Expires") == "0";
        }),
        new("json-without-charset", false, async s =>
        {
            var r = await Alice(s);
            var data = await s.Client.BalanceAsync(r.AccessToken, Fixtures.Brand1, Fixtures.Alice.BillingGroupId!);
            return r.ContentType == "application/json" && data.ContentType == "application/json";
        }),
        new("get-token-bad-request", false, async s =>
        {
            var r = await s.Client.TokenAsync(Web, null, [.. AliceForm, ("brand_key", Fixtures.Brand1)], HttpMethod.Get);
            return r.Status == 400 && r.Error == "invalid_request" && r.Header("Allow") is null;
        }),
        new("grant-type-checked-first", false, async s =>
        {
            // A wrong secret (not an empty one, not none: other variants answer those) and no grant_type.
            var r = await s.Client.TokenAsync(SandboxClient.Basic("rator-web", "wrong"), [("username", "alice.b1"), ("password", "x"), .. Brand1]);
            return r.Status == 400 && r.Error == "invalid_request";
        }),
        new("expired-refresh-invalid-token", true, async s =>
        {
            var first = await Alice(s, SandboxClient.Basic(Fixtures.Short));
            await Task.Delay(TimeSpan.FromSeconds(6.3));
            var r = await Refresh(s, first.RefreshToken!, SandboxClient.Basic(Fixtures.Short));
            return r.Status == 401 && r.Error == "invalid_token" && r.Header("WWW-Authenticate")?.StartsWith("Bearer error=\"invalid_token\"") == true;
        }),
        new("grant-not-allowed-invalid-client", false, async s =>
        {
            // rator-service has client_credentials only, in every variant.
            var r = await s.Client.TokenAsync(SandboxClient.Basic("rator-service", "Service-Secret-6"), [.. AliceForm, .. Brand1]);
            return r.Status == 401 && r.Error == "invalid_client" && r.Header("WWW-Authenticate")?.StartsWith("Basic realm=") == true;
        }),
        new("wider-refresh-scope-narrowed", false, async s =>
        {
            var narrow = await Alice(s, extra: ("scope", "read"));
            var r = await Refresh(s, narrow.RefreshToken!, extra: ("scope", "read write"));
            return r.Status == 200 && r.Str("scope") == "read";
        }),
        new("refresh-reuse-leeway", false, async s =>
        {
            var first = await Alice(s);
            var second = await Refresh(s, first.RefreshToken!);
            var reuse = await Refresh(s, first.RefreshToken!);
            return second.RefreshToken != first.RefreshToken && reuse.Status == 200 && (await Refresh(s, second.RefreshToken!)).Status == 200;
        }),
        new("no-refresh-rotation", false, async s =>
        {
            var first = await Alice(s);
            return (await Refresh(s, first.RefreshToken!)).RefreshToken == first.RefreshToken;
        }),
        new("access-token-kept-on-refresh", false, async s =>
        {
            var first = await Alice(s);
            var second = await Refresh(s, first.RefreshToken!);
            return second.Status == 200 &&
                   (await s.Client.BalanceAsync(first.AccessToken, Fixtures.Brand1, Fixtures.Alice.BillingGroupId!)).Status == 200;
        }),
        new("brand-key-camel-case", false, async s =>
        {
            var snake = await s.Client.TokenAsync(Web, [.. AliceForm, ("brand_key", Fixtures.Brand1)]);
            var camel = await s.Client.TokenAsync(Web, [.. AliceForm, .. Brand1]);
            return snake.Status == 400 && snake.Error == "invalid_request" && camel.Status == 200;
        }),
        new("form-only-parameters", false, async s =>
        {
            var query = await s.Client.TokenAsync(Web, AliceForm, Brand1);
            var form = await s.Client.TokenAsync(Web, [.. AliceForm, .. Brand1]);
            return query.Status == 400 && query.Error == "invalid_request" && form.Status == 200;
        }),
        new("resource-brand-refusals", false, async s =>
        {
            var token = (await Alice(s)).AccessToken;
            var missing = await s.Client.BalanceAsync(token, null, Fixtures.Alice.BillingGroupId!);
            var foreign = await s.Client.BalanceAsync(token, Fixtures.Brand2, Fixtures.Alice.BillingGroupId!);
            return missing.Status == 403 && missing.Error == "access_denied" && foreign.Status == 404 && foreign.Error == "not_found";
        }),
        new("restricted-client-reshaped", false, async s =>
        {
            var r = await s.Client.TokenAsync(SandboxClient.Basic(Fixtures.Restricted),
                [("grant_type", "client_credentials"), ("operator", "op.b2"), (BrandKey, Fixtures.Brand2)]);
            return r.Status == 200;
        }),
        new("operator-grant-renamed", false, async s =>
        {
            var r = await s.Client.TokenAsync(Web,
                [("grant_type", "urn:rator:grant-type:operator"), ("username", "op.b1"), ("password", "Op-Pass-1"), .. Brand1]);
            return r.Status == 200;
        }),
        new("tls13-only", false, async s =>
            !(await s.Tls.HandshakeAsync(System.Security.Authentication.SslProtocols.Tls12)).Succeeded
            && (await s.Tls.HandshakeAsync()).Protocol == System.Security.Authentication.SslProtocols.Tls13),
        new("plain-http-redirect", false, async s =>
        {
            var r = await s.Plain.TokenAsync(Web, [.. AliceForm, .. Brand1]);
            return r.Status == 301 && r.AccessToken is null
                   && r.Header("Location") == new Uri(s.Host.BaseUrl, "oauth/token").AbsoluteUri;
        }),
        new("plain-http-closed", false, async s =>
        {
            try
            {
                await s.Plain.TokenAsync(Web, [.. AliceForm, .. Brand1]);
                return false;
            }
            catch (HttpRequestException e) when (e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused })
            {
                return true;
            }
        }),
    ];

    /// <summary>HttpClient re-orders Cache-Control's directives when it parses them, so they are compared as a set.</summary>
    public static bool HasSpringCacheControl(Reply r) =>
        r.Header("Cache-Control")?.Split(", ").ToHashSet().SetEquals(["no-cache", "no-store", "max-age=0", "must-revalidate"]) == true;

    public static bool IsLowerHex(string value, int length) =>
        value.Length == length && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>The JWT's payload as JSON.</summary>
    public static JsonElement JwtPayload(string jwt) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1])).RootElement.Clone();

    private static async Task<Reply> Alice(RunningSandbox s, string? client = null, params (string, string)[] extra)
    {
        var reply = await s.Client.TokenAsync(client ?? Web, [.. AliceForm, .. Brand1, .. extra]);
        return reply.Status == 200 ? reply : throw new InvalidOperationException($"No token for alice.b1: {reply}");
    }

    private static Task<Reply> Refresh(RunningSandbox s, string refreshToken, string? client = null, params (string, string)[] extra) =>
        s.Client.TokenAsync(client ?? Web, [("grant_type", "refresh_token"), ("refresh_token", refreshToken), .. Brand1, .. extra]);
}
