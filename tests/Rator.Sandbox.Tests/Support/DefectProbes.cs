using System.Text.RegularExpressions;

namespace Rator.Sandbox.Tests.Support;

/// <summary>
/// One black-box check per defect: true when the sandbox behaves compliantly for that requirement.
/// Each probe is narrow enough that only its own defect turns it false; where a probe needs a brand
/// on a grant that several defects touch, it sends the same brand in two slots, so any one defect
/// leaves it a readable brand.
/// </summary>
public static partial class DefectProbes
{
    public sealed record Probe(string Defect, string RequirementId, bool Slow, Func<RunningSandbox, Task<bool>> IsCompliant)
    {
        public override string ToString() => $"{Defect} ({RequirementId})";
    }

    private static readonly string Web = SandboxClient.Basic(Fixtures.Web);
    private static readonly (string, string)[] AliceForm =
        [("grant_type", "password"), ("username", "alice.b1"), ("password", "Alice-Pass-1")];
    private static readonly (string, string)[] Brand1 = [("brand_key", "BRAND1")];
    private static readonly (string, string)[] Brand1InBothFormNames = [("brand_key", "BRAND1"), ("brandKey", "BRAND1")];

    public static IReadOnlyList<Probe> All { get; } =
    [
        new("token-get-allowed", "TE-01", false, async s =>
        {
            var r = await s.Client.TokenAsync(Web, null, [.. AliceForm, .. Brand1], HttpMethod.Get);
            return r.Status is 405 or 400 && r.AccessToken is null;
        }),
        new("basic-auth-not-decoded", "TE-03", false, async s =>
            (await s.Client.TokenAsync(SandboxClient.BasicEncoded(Fixtures.Partner), AliceForm, Brand1)).Status == 200),
        new("query-client-credentials-accepted", "TE-04", false, async s =>
        {
            var r = await s.Client.TokenAsync(null, AliceForm, [.. Brand1, ("client_id", "rator-web"), ("client_secret", "Web-Secret-1")]);
            return r.Status == 401 && r.Error == "invalid_client";
        }),
        new("client-auth-optional", "TE-05", false, async s =>
        {
            var r = await s.Client.TokenAsync(null, AliceForm, Brand1);
            return r.Status is 400 or 401 && r.Error == "invalid_client";
        }),
        new("basic-challenge-missing", "TE-06", false, async s =>
        {
            // A challenge at all: which scheme it names is basic-challenge-bearer's probe.
            var r = await s.Client.TokenAsync(SandboxClient.Basic("rator-web", "wrong"), AliceForm, Brand1);
            return r.Status == 401 && r.Error == "invalid_client" && r.Header("WWW-Authenticate") is not null;
        }),
        new("duplicate-params-accepted", "TE-07", false, async s =>
        {
            var r = await s.Client.TokenAsync(Web, [.. AliceForm, ("grant_type", "password")], Brand1);
            return r.Status == 400 && r.Error == "invalid_request";
        }),
        new("unknown-params-rejected", "TE-08", false, async s =>
            (await s.Client.TokenAsync(Web, [.. AliceForm, ("foo", "bar")], Brand1)).Status == 200),
        new("token-type-missing", "TE-09", false, async s =>
            string.Equals((await s.Client.PasswordAsync(Fixtures.Alice)).Str("token_type"), "bearer", StringComparison.OrdinalIgnoreCase)),
        new("cache-headers-missing", "TE-10", false, async s =>
        {
            var ok = await s.Client.PasswordAsync(Fixtures.Alice);
            var error = await s.Client.PasswordAsync(Fixtures.Alice with { Password = "x" });
            return new[] { ok, error }.All(r => r.Header("Cache-Control") == "no-store" && r.Header("Pragma") == "no-cache");
        }),
        new("password-no-refresh-token", "PW-01", false, async s =>
        {
            var r = await s.Client.PasswordAsync(Fixtures.Alice);
            return r.Status == 200 && r.RefreshToken is not null;
        }),
        new("bad-credentials-invalid-request", "PW-03", false, async s =>
        {
            var r = await s.Client.PasswordAsync(Fixtures.Alice with { Password = "wrong" });
            return r.Status == 400 && r.Error == "invalid_grant";
        }),
        new("user-enumeration", "PW-04", false, async s =>
        {
            var unknown = await s.Client.PasswordAsync(new User("ghost.b1", "x", "BRAND1", null, null));
            var wrong = await s.Client.PasswordAsync(Fixtures.Bob with { Password = "wrong" });
            var locked = await s.Client.PasswordAsync(Fixtures.Locked);
            return unknown.Body == wrong.Body && wrong.Body == locked.Body && unknown.Status == wrong.Status;
        }),
        new("grant-types-unchecked", "PW-06", false, async s =>
            (await s.Client.OperatorAsync(Fixtures.Op1, client: Fixtures.Restricted)).Error == "unauthorized_client"),
        new("credential-classes-merged", "OP-01", false, async s =>
        {
            // Status and no token only: the error code of bad credentials is OP-03's business.
            var r = await s.Client.OperatorAsync(Fixtures.Alice);
            return r.Status == 400 && r.AccessToken is null;
        }),
        new("operator-resource-open", "OP-02", false, async s =>
        {
            var token = await s.Client.AccessTokenForAsync(Fixtures.Alice);
            return (await s.Client.CustomerAsync(token, "BRAND1", "C-1001")).Status == 403;
        }),
        new("operator-bad-credentials-invalid-request", "OP-03", false, async s =>
        {
            var r = await s.Client.OperatorAsync(Fixtures.Op1 with { Password = "wrong" });
            return r.Status == 400 && r.Error == "invalid_grant";
        }),
        new("cc-brand-query-ignored", "CC-01", false, async s =>
            (await s.Client.ClientCredentialsAsync("op.b1")).Status == 200),
        new("cc-refresh-token-issued", "CC-02", false, async s =>
        {
            var r = await s.Client.TokenAsync(Web, [("grant_type", "client_credentials"), ("operator", "op.b1"), .. Brand1InBothFormNames]);
            return r.Status == 200 && !r.HasProperty("refresh_token");
        }),
        new("cc-grant-unchecked", "CC-03", false, async s =>
        {
            var r = await s.Client.TokenAsync(SandboxClient.Basic(Fixtures.Restricted),
                [("grant_type", "client_credentials"), ("operator", "op.b1"), .. Brand1InBothFormNames]);
            return r.Status == 400 && r.Error == "unauthorized_client";
        }),
        new("cc-operator-unchecked", "CC-04", false, async s =>
        {
            foreach (var name in new[] { "ghost.op", "op.b2", "root.b1" })
            {
                var r = await s.Client.TokenAsync(Web, [("grant_type", "client_credentials"), ("operator", name), .. Brand1InBothFormNames]);
                if (r.Status != 400 || r.AccessToken is not null) return false;
            }
            return true;
        }),
        new("refresh-access-token-unusable", "RT-01", false, async s =>
        {
            var first = await OperatorTokens(s);
            var second = await s.Client.RefreshAsync(first.RefreshToken!);
            return second.Status == 200 && (await s.Client.CustomerAsync(second.AccessToken, "BRAND1", "C-1001")).Status == 200;
        }),
        new("refresh-without-client-auth", "RT-02", false, async s =>
        {
            var first = await OperatorTokens(s);
            var r = await s.Client.TokenAsync(null, [("grant_type", "refresh_token"), ("refresh_token", first.RefreshToken!)], Brand1);
            return r.Status is 400 or 401 && r.Error == "invalid_client";
        }),
        new("refresh-not-client-bound", "RT-03", false, async s =>
        {
            var first = await OperatorTokens(s);
            var stolen = await s.Client.RefreshAsync(first.RefreshToken!, client: Fixtures.Partner);
            return stolen.Status == 400 && stolen.Error == "invalid_grant" && (await s.Client.RefreshAsync(first.RefreshToken!)).Status == 200;
        }),
        new("refresh-scope-widening", "RT-04", false, async s =>
        {
            // A scope the client does not hold: one it holds is refresh-scope-widening-registered's probe.
            var narrow = await s.Client.TokenAsync(Web,
                [("grant_type", "operator_password"), ("username", "op.b1"), ("password", "Op-Pass-1"), ("scope", "read")], Brand1);
            return (await s.Client.RefreshAsync(narrow.RefreshToken!, extra: ("scope", "read admin"))).Error == "invalid_scope";
        }),
        new("unknown-refresh-token-invalid-request", "RT-05", false, async s =>
            (await s.Client.RefreshAsync("dW5rbm93bi1yZWZyZXNoLXRva2VuLXZhbHVlLXh4eHh4eHh4eHg")).Error == "invalid_grant"),
        new("expired-refresh-token-accepted", "RT-06", true, async s =>
        {
            var first = await s.Client.TokensForAsync(Fixtures.Alice, Fixtures.Short);
            await Task.Delay(TimeSpan.FromSeconds(6.3));
            var r = await s.Client.RefreshAsync(first.RefreshToken!, client: Fixtures.Short);
            return r.Status == 400 && r.Error == "invalid_grant";
        }),
        new("rotated-refresh-token-reusable", "RT-07", false, async s =>
        {
            // Once a refresh token was replaced: whether it is replaced at all is refresh-rotation-inverted's probe.
            var first = await OperatorTokens(s);
            var second = await s.Client.RefreshAsync(first.RefreshToken!);
            if (second.RefreshToken == first.RefreshToken) return true;
            var reuse = await s.Client.RefreshAsync(first.RefreshToken!);
            return reuse.Status == 400 && (await s.Client.RefreshAsync(second.RefreshToken!)).Status == 400;
        }),
        new("refresh-ignores-lock", "RT-08", false, async s =>
        {
            // op.b2 only: the other probes sign in as op.b1, and a lock must not leak into them.
            var first = await s.Client.OperatorAsync(Fixtures.Op2);
            await s.Host.SetPrincipalLockedAsync("BRAND2", "op.b2", true);
            try
            {
                var r = await s.Client.RefreshAsync(first.RefreshToken!, brand: "BRAND2");
                return r.Status == 400 && r.Error == "invalid_grant";
            }
            finally
            {
                await s.Host.SetPrincipalLockedAsync("BRAND2", "op.b2", false);
            }
        }),
        new("brand-optional", "BK-01", false, async s =>
        {
            var r = await s.Client.TokenAsync(Web, AliceForm);
            return r.Status == 400 && r.Error == "invalid_request" && r.AccessToken is null;
        }),
        new("brand-special-chars-crash", "BK-02", false, async s =>
        {
            var r = await s.Client.TokenAsync(Web, AliceForm, [("brand_key", "BRAND<1>'\"")]);
            return r.Status is >= 400 and < 500 && r.Error is not null;
        }),
        new("brand-key-form-ignored", "BK-03", false, async s =>
            (await s.Client.TokenAsync(Web, [.. AliceForm, ("brand_key", "BRAND1")])).Status == 200),
        new("brand-conflict-first-wins", "BK-04", false, async s =>
        {
            // Both in the query: the form slots belong to other defects (BK-03, DC-02).
            var r = await s.Client.TokenAsync(Web, AliceForm, [("brand_key", "BRAND1"), ("brandKey", "BRAND2")]);
            return r.Status == 400 && r.AccessToken is null;
        }),
        new("brand-header-optional", "BK-05", false, async s =>
        {
            var token = await s.Client.AccessTokenForAsync(Fixtures.Alice);
            var r = await s.Client.BalanceAsync(token, null, Fixtures.Alice.BillingGroupId!);
            return r.Status is >= 400 and < 500;
        }),
        new("brand-header-case-sensitive", "BK-05", false, async s =>
        {
            var token = await s.Client.AccessTokenForAsync(Fixtures.Alice);
            var r = await s.Client.BalanceAsync(token, null, Fixtures.Alice.BillingGroupId!,
                m => m.Headers.TryAddWithoutValidation("x-rator-brand-key", "BRAND1"));
            return r.Status == 200;
        }),
        new("brand-not-bound", "BK-06", false, async s =>
        {
            var token = await s.Client.AccessTokenForAsync(Fixtures.Alice);
            var r = await s.Client.BalanceAsync(token, "BRAND2", Fixtures.Alice.BillingGroupId!);
            return r.Status is 401 or 403 && !r.Body.Contains("\"balance\"");
        }),
        new("principal-brand-unchecked", "BK-07", false, async s =>
        {
            // Status and no token only: the error code of bad credentials is PW-03's business.
            var r = await s.Client.PasswordAsync(Fixtures.Alice, brand: "BRAND2");
            return r.Status == 400 && r.AccessToken is null;
        }),
        new("refresh-switches-brand", "BK-08", false, async s =>
        {
            var first = await OperatorTokens(s);
            var r = await s.Client.RefreshAsync(first.RefreshToken!, brand: "BRAND2");
            return r.Status == 400 && r.AccessToken is null;
        }),
        new("resource-not-json", "RS-01", false, async s =>
        {
            var token = await s.Client.AccessTokenForAsync(Fixtures.Alice);
            var r = await s.Client.BalanceAsync(token, "BRAND1", Fixtures.Alice.BillingGroupId!);
            return r.Status == 200 && r.ContentType?.StartsWith("application/json") == true;
        }),
        new("bearer-scheme-case-sensitive", "RS-02", false, async s =>
        {
            var token = await s.Client.AccessTokenForAsync(Fixtures.Alice);
            var r = await s.Client.BalanceAsync(null, "BRAND1", Fixtures.Alice.BillingGroupId!,
                m => m.Headers.TryAddWithoutValidation("Authorization", "bearer " + token));
            return r.Status == 200;
        }),
        new("no-token-error-code", "RS-03", false, async s =>
        {
            var r = await s.Client.BalanceAsync(null, "BRAND1", Fixtures.Alice.BillingGroupId!);
            return r.Status == 401 && r.Header("WWW-Authenticate") is { } c && c.StartsWith("Bearer realm=") && !c.Contains("error=");
        }),
        new("invalid-token-no-error-code", "RS-04", false, async s =>
        {
            var r = await s.Client.BalanceAsync("Z2FyYmFnZQ", "BRAND1", Fixtures.Alice.BillingGroupId!);
            return r.Status == 401 && r.Header("WWW-Authenticate")?.Contains("error=\"invalid_token\"") == true;
        }),
        new("expired-token-accepted", "RS-05", true, async s =>
        {
            var token = await s.Client.AccessTokenForAsync(Fixtures.Alice, Fixtures.Short);
            await Task.Delay(TimeSpan.FromSeconds(2.3));
            return (await s.Client.BalanceAsync(token, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status == 401;
        }),
        new("query-token-accepted", "RS-06", false, async s =>
        {
            var token = await s.Client.AccessTokenForAsync(Fixtures.Alice);
            var r = await s.Client.GetAsync($"api/billing-groups/{Fixtures.Alice.BillingGroupId}/balance", null, "BRAND1", query: [("access_token", token)]);
            return r.Status == 401;
        }),
        new("malformed-bearer-accepted", "RS-07", false, async s =>
        {
            var token = await s.Client.AccessTokenForAsync(Fixtures.Alice);
            var r = await s.Client.BalanceAsync(null, "BRAND1", Fixtures.Alice.BillingGroupId!,
                m => m.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token},junk"));
            return r.Status == 401;
        }),
        new("billing-group-owner-unchecked", "RS-08", false, async s =>
        {
            var token = await s.Client.AccessTokenForAsync(Fixtures.Alice);
            return (await s.Client.BalanceAsync(token, "BRAND1", Fixtures.Bob.BillingGroupId!)).Status is 403 or 404;
        }),
        new("unsupported-grant-type-401", "ER-01", false, async s =>
            (await s.Client.TokenAsync(Web, [("grant_type", "foo")], Brand1)).Status == 400),
        new("error-code-unregistered", "ER-02", false, async s =>
        {
            var r = await s.Client.TokenAsync(Web, [("grant_type", "password"), ("username", "alice.b1")], Brand1);
            return r.Error is "invalid_request" or "invalid_grant";
        }),
        new("error-description-localized", "ER-03", false, async s =>
        {
            var r = await s.Client.TokenAsync(Web, [("grant_type", "password"), ("username", "alice.b1"), ("password", "x")], Brand1,
                tweak: m => SandboxClient.Accept(m, "it"));
            return r.Str("error_description") is { } d && SafeDescription().IsMatch(d);
        }),
        new("unknown-grant-invalid-request", "ER-04", false, async s =>
            // With a user's credentials: an unknown grant sent alone is bare-unknown-grant-missing-username's probe.
            (await s.Client.TokenAsync(Web, [("grant_type", "foo"), ("username", "alice.b1"), ("password", "Alice-Pass-1")], Brand1)).Error == "unsupported_grant_type"),
        new("bogus-scope-granted", "ER-05", false, async s =>
        {
            var r = await s.Client.PasswordAsync(Fixtures.Alice, extra: ("scope", "admin"));
            return r.Error == "invalid_scope" || (r.Status == 200 && r.Str("scope")?.Contains("admin") == false);
        }),
        new("long-value-crash", "ER-06", false, async s =>
        {
            var r = await s.Client.PasswordAsync(new User(new string('u', 2000), "x", "BRAND1", null, null));
            return r.Status is >= 400 and < 500 && r.Error is not null;
        }),
        new("uuid-tokens", "SH-01", false, async s =>
        {
            var token = await s.Client.AccessTokenForAsync(Fixtures.Alice);
            return !Guid.TryParse(token, out _) && token.Length >= 32;
        }),
        new("long-lived-tokens", "SH-02", false, async s =>
            (await s.Client.PasswordAsync(Fixtures.Alice)).Json?.GetProperty("expires_in").GetInt32() <= 3600),
        new("token-echoed", "SH-03", false, async s =>
        {
            const string garbage = "ZWNoby1tZS1pZi15b3UtY2FuLTEyMzQ1Njc4OTA";
            var r = await s.Client.BalanceAsync(garbage, "BRAND1", Fixtures.Alice.BillingGroupId!);
            return !r.Body.Contains(garbage) && !r.Headers.Values.Any(v => v.Contains(garbage));
        }),
        new("check-token-exposed", "SH-04", false, async s =>
        {
            var token = await s.Client.AccessTokenForAsync(Fixtures.Alice);
            var check = await s.Client.GetAsync("oauth/check_token", null, null, query: [("token", token)]);
            var key = await s.Client.GetAsync("oauth/token_key", null, null);
            return check.Status is >= 400 and < 500 && key.Status is >= 400 and < 500;
        }),
        new("query-credentials-refused", "DC-01", false, async s =>
            (await s.Client.TokenAsync(Web, null, [("username", "alice.b1"), ("password", "Alice-Pass-1"), ("grant_type", "password"), ("brand_key", "BRAND1")])).Status == 200),
        new("password-brandkey-form-ignored", "DC-02", false, async s =>
            (await s.Client.TokenAsync(Web, [.. AliceForm, ("brandKey", "BRAND1")])).Status == 200),
        new("operator-brandkey-form-ignored", "DC-03", false, async s =>
            (await s.Client.TokenAsync(Web, [("grant_type", "operator_password"), ("username", "op.b1"), ("password", "Op-Pass-1"), ("brandKey", "BRAND1")])).Status == 200),
        new("cc-brandkey-form-ignored", "DC-04", false, async s =>
            (await s.Client.TokenAsync(Web, [("grant_type", "client_credentials"), ("operator", "op.b1"), ("brandKey", "BRAND1")])).Status == 200),
        new("refresh-brandkey-form-ignored", "DC-05", false, async s =>
        {
            var first = await OperatorTokens(s);
            var r = await s.Client.TokenAsync(Web, [("grant_type", "refresh_token"), ("refresh_token", first.RefreshToken!), ("brandKey", "BRAND1")],
                tweak: m => m.Headers.Add("Accept", "application/json"));
            return r.Status == 200;
        }),
        new("italian-not-acceptable", "DC-06", false, async s =>
        {
            var token = await s.Client.AccessTokenForAsync(Fixtures.Alice);
            var r = await s.Client.BalanceAsync(token, "BRAND1", "201506171857210002", m => SandboxClient.Accept(m, "it"));
            return r.Status == 200;
        }),
        new("expires-in-overstated", "DC-07", false, async s =>
            (await s.Client.PasswordAsync(Fixtures.Alice, client: Fixtures.Short)).Json?.GetProperty("expires_in").GetInt32() is > 0 and <= 2),
        new("refresh-duplicate-params-accepted", "TE-07", false, async s =>
        {
            // No token whoever reads which value: the code of the refusal is duplicate-params-accepted's probe.
            var first = await OperatorTokens(s);
            var r = await s.Client.TokenAsync(Web, [("grant_type", "refresh_token"), ("refresh_token", "bmV2ZXItaXNzdWVkLXJlZnJlc2gtdG9rZW4tdmFsdWUteHh4"),
                ("refresh_token", first.RefreshToken!)], Brand1);
            return r.Status == 400 && r.AccessToken is null;
        }),
        new("empty-refresh-token-invalid-grant", "TE-08", false, async s =>
        {
            var empty = await s.Client.TokenAsync(Web, [("grant_type", "refresh_token"), ("refresh_token", "")], Brand1);
            var missing = await s.Client.TokenAsync(Web, [("grant_type", "refresh_token")], Brand1);
            return empty.Status == missing.Status && empty.Error == missing.Error && empty.AccessToken is null;
        }),
        new("bare-unknown-grant-missing-username", "ER-04", false, async s =>
        {
            // Answered as the same unknown grant with a user's credentials: which code that is, is unknown-grant-invalid-request's probe.
            var bare = await s.Client.TokenAsync(Web, [("grant_type", "foo")], Brand1);
            var withUser = await s.Client.TokenAsync(Web, [("grant_type", "foo"), ("username", "alice.b1"), ("password", "Alice-Pass-1")], Brand1);
            return bare.AccessToken is null && bare.Error == withUser.Error;
        }),
        new("brand-refusal-cache-headers-missing", "TE-10", false, async s =>
        {
            // Whenever a wrong-password refusal forbids caching, a brand refusal does too: the former is cache-headers-missing's probe.
            var wrong = await s.Client.PasswordAsync(Fixtures.Alice with { Password = "x" });
            var noBrand = await s.Client.TokenAsync(Web, AliceForm);
            return wrong.Header("Cache-Control") != "no-store" || noBrand.Header("Cache-Control") == "no-store";
        }),
        new("missing-parameter-description-quoted", "ER-03", false, async s =>
        {
            var r = await s.Client.TokenAsync(Web, [("grant_type", "password"), ("password", "Alice-Pass-1")], Brand1);
            return r.Str("error_description") is not { } d || SafeDescription().IsMatch(d);
        }),
        new("operator-tokens-not-brand-bound", "BK-06", false, async s =>
        {
            // The other brand's billing group under its own header: the token's own data under a foreign header is brand-not-bound's probe.
            var token = (await OperatorTokens(s)).AccessToken!;
            var r = await s.Client.BalanceAsync(token, "BRAND2", "201507010000000001");
            return r.Status is >= 400 and < 500 && !r.HasProperty("balance");
        }),
        new("cc-tokens-never-expire", "RS-05", true, async s =>
        {
            var r = await s.Client.ClientCredentialsAsync("op.b1", client: Fixtures.Short);
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            return (await s.Client.BalanceAsync(r.AccessToken, "BRAND1", Fixtures.Alice.BillingGroupId!)).Status == 401;
        }),
        new("refresh-scope-widening-registered", "RT-04", false, async s =>
        {
            // Whenever a scope the client lacks is refused at refresh, one it holds but the token lacks is refused too.
            var narrow = await s.Client.TokenAsync(Web,
                [("grant_type", "operator_password"), ("username", "op.b1"), ("password", "Op-Pass-1"), ("scope", "read")], Brand1);
            var madeUp = await s.Client.RefreshAsync(narrow.RefreshToken!, extra: ("scope", "read admin"));
            var held = await s.Client.RefreshAsync(narrow.RefreshToken!, extra: ("scope", "read write"));
            return madeUp.Error != "invalid_scope" || held.Error == "invalid_scope";
        }),
        new("malformed-query-crash", "ER-06", false, async s =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(s.Client.BaseUrl, "oauth/token?brand_key=BRAND1&x_note=%FF%FE"))
            {
                Content = new FormUrlEncodedContent(AliceForm.Select(p => KeyValuePair.Create(p.Item1, p.Item2))),
            };
            request.Headers.TryAddWithoutValidation("Authorization", Web);
            return (await s.Client.SendAsync(request)).Status < 500;
        }),
        new("basic-challenge-bearer", "TE-06", false, async s =>
        {
            // The scheme of a challenge, when there is one: whether there is one is basic-challenge-missing's probe.
            var r = await s.Client.TokenAsync(SandboxClient.Basic("rator-web", "wrong"), AliceForm, Brand1);
            return r.Header("WWW-Authenticate") is not { } challenge || challenge.StartsWith("Basic", StringComparison.Ordinal);
        }),
        new("refresh-rotation-inverted", "RT-07", false, async s =>
        {
            // The plain sandbox declares rotation: every renewal hands out a new refresh token.
            var first = await OperatorTokens(s);
            var second = await s.Client.RefreshAsync(first.RefreshToken!);
            return second.Status == 200 && second.RefreshToken is { } rotated && rotated != first.RefreshToken;
        }),
        new("token-over-plain-http", "TE-02", false, async s =>
        {
            var r = await s.Plain.PasswordAsync(Fixtures.Alice);
            return r.Status >= 300 && r.AccessToken is null;
        }),
        new("tls-untrusted-issuer", "SH-05", false, async s =>
            (await s.Tls.HandshakeAsync()).Certificate is { } certificate && s.Tls.IssuedByDeclaredCa(certificate)),
        new("tls-certificate-expired", "SH-05", false, async s =>
            (await s.Tls.HandshakeAsync()).Certificate is { } certificate && certificate.NotAfter.ToUniversalTime() > DateTime.UtcNow),
        new("tls-wrong-host-name", "SH-05", false, async s =>
        {
            var (byAddress, byName) = (await s.Tls.HandshakeAsync(targetHost: "127.0.0.1"), await s.Tls.HandshakeAsync(targetHost: "localhost"));
            return !byAddress.Errors.HasFlag(System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch)
                   && !byName.Errors.HasFlag(System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch);
        }),
#pragma warning disable SYSLIB0039 // offering TLS 1.1 is the probe
        new("tls-legacy-protocols-accepted", "SH-05", false, async s =>
            !(await s.Tls.HandshakeAsync(System.Security.Authentication.SslProtocols.Tls11)).Succeeded),
#pragma warning restore SYSLIB0039
        new("tls-weak-cipher", "SH-05", false, async s =>
            (await s.Tls.HandshakeAsync()).CipherSuite.ToString() is var suite && suite.Contains("_GCM_", StringComparison.Ordinal)),
        // An expired certificate is tls-certificate-expired's: this probe only asks for an end far enough ahead.
        new("tls-certificate-expiring-soon", "SH-05", false, async s =>
            (await s.Tls.HandshakeAsync()).Certificate is { } certificate
            && (certificate.NotAfter.ToUniversalTime() < DateTime.UtcNow || certificate.NotAfter.ToUniversalTime() > DateTime.UtcNow.AddDays(14))),
    ];

    /// <summary>Operator tokens for the refresh probes, so the password-grant defects stay out of them.</summary>
    private static async Task<Reply> OperatorTokens(RunningSandbox s)
    {
        var reply = await s.Client.OperatorAsync(Fixtures.Op1);
        return reply.Status == 200 ? reply : throw new InvalidOperationException($"No operator token: {reply}");
    }

    [GeneratedRegex("^[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]+$")]
    private static partial Regex SafeDescription();
}
