using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;
using Rator.Contract.Tests.Support.Assertions;
using Rator.Contract.Tests.Support.Compliance;
using Rator.Contract.Tests.Support.Evidence;
using Rator.Contract.Tests.Support.Probes;
using Rator.Contract.Tests.Unit.Tls;
using static Rator.Contract.Tests.Unit.Assertions.SyntheticAnswers;

namespace Rator.Contract.Tests.Unit.Compliance;

/// <summary>
/// A check accepts what its catalogue accepts: every answer requirements.json lists as accepted is sent, as a synthetic
/// answer, through the judgements its requirement's gating scenarios apply, and must pass them (a @wording scenario may
/// still warn on it: that is what wording means). An accepted entry that is a declaration rather than an answer says why.
/// A new accepted entry without a sample fails here, and so does a sample whose entry left the catalogue.
/// </summary>
public sealed class AcceptedAnswersTests
{
    [Test]
    public void Every_accepted_answer_of_the_catalogue_has_a_sample_or_a_reason()
    {
        var catalogue = RequirementCatalogue.Default.All.SelectMany(r => r.Accepted.Select(a => $"{r.Id}: {a}")).ToList();
        var walked = Accepted.All.Select(a => a.Key).ToList();

        walked.Should().OnlyHaveUniqueItems();
        catalogue.Except(walked).Should().BeEmpty("every accepted answer needs a sample below (or the reason it is no answer)");
        walked.Except(catalogue).Should().BeEmpty("a sample whose accepted answer left requirements.json is out of date");
    }

    [TestCaseSource(nameof(Samples))]
    public void An_accepted_answer_passes_the_judgements_of_its_requirement(Accepted accepted) =>
        accepted.Judge.Should().NotThrow($"requirements.json accepts \"{accepted.Key}\"");

    private static IEnumerable<TestCaseData> Samples() =>
        Accepted.All.Where(a => a.Reason is null).Select(a => new TestCaseData(a).SetArgDisplayNames(a.Key));

    /// <param name="Reason">why the entry is no answer to judge (a declaration, a verdict that only warns), else null.</param>
    public sealed record Accepted(string Requirement, string Text, Action Judge, string? Reason = null)
    {
        public string Key => $"{Requirement}: {Text}";

        public override string ToString() => Key;

        public static IReadOnlyList<Accepted> All { get; } =
        [
            A("TE-01", "405 with Allow", () => Refusal(Received(405, OAuth("invalid_request"), ("Allow", "POST")))),
            A("TE-01", "400 invalid_request", () => Refusal(Received(400, OAuth("invalid_request")))),
            A("TE-01", "404", () => Refusal(Received(404, "<html><title>Not Found</title></html>", ("Content-Type", "text/html")))),
            A("TE-01", "any 4xx without a token", () => Refusal(Received(403))),
            A("TE-02", "connection refused", () => TransportSecurity.CheckRefusedOverPlainHttp(ApiResponse.NoAnswer("connection refused"))),
            A("TE-02", "any 4xx (Keycloak's 403 \"HTTPS required\")", () => TransportSecurity.CheckRefusedOverPlainHttp(
                Received(403, OAuth("invalid_request", "HTTPS required")))),
            A("TE-02", "a redirect to https that carries no token (nginx's return 301 https://, Spring Security's requiresSecure)",
                () => TransportSecurity.CheckRefusedOverPlainHttp(Received(301, "", ("Location", "https://127.0.0.1:8443/oauth/token")))),
            A("TE-02", "no listener on http", () => TransportSecurity.CheckRefusedOverPlainHttp(ApiResponse.NoAnswer("no answer within 30 s"))),
            A("TE-03", "200 with a token", () => Token(Issued())),
            A("TE-04", "any 4xx without a token; invalid_request when the server reads parameters from the body only",
                () => Refusal(Received(400, OAuth("invalid_request")))),
            A("TE-05", "400 invalid_request (OpenIddict, Duende: a missing client_id)", () => Refusal(Received(400, OAuth("invalid_request")))),
            A("TE-05", "400 or 401 invalid_client", () =>
            {
                Refusal(Received(400, OAuth("invalid_client")));
                Refusal(Received(401, OAuth("invalid_client")));
            }),
            A("TE-06", "400 invalid_request for an empty secret (Spring Authorization Server, node-oauth2-server)", () =>
            {
                var answer = Received(400, OAuth("invalid_request"));
                Refusal(answer);
                BasicChallenge.Check(answer);
            }),
            A("TE-06", "401 invalid_client with a Basic challenge, with or without realm and charset", () =>
            {
                foreach (var challenge in new[] { "Basic", "Basic realm=\"oauth2/client\"", "Basic realm=\"rator\", charset=\"UTF-8\"", "basic realm=x" })
                {
                    var answer = Received(401, OAuth("invalid_client"), ("WWW-Authenticate", challenge));
                    Refusal(answer);
                    BasicChallenge.Check(answer);
                    Judged(BasicChallenge.Of([Recorded(answer)], TokenEndpointUrl), BasicChallenge.Expectation);
                }
            }),
            A("TE-07", "400 invalid_request", () =>
            {
                var answer = Received(400, OAuth("invalid_request"));
                answer.Should().IssueNoToken();
                RepeatedParameters.CheckRefusedOrServedOnce(answer, "invalid_request");
            }),
            A("TE-07", "a token for the first value (many servers read the first; the rule binds the client)",
                () => RepeatedParameters.CheckRefusedOrServedOnce(Issued(), "invalid_request")),
            A("TE-08", "200 with a token", () => Token(Issued())),
            A("TE-08", "an empty required parameter answered as its absence is, whatever the code (invalid_request, or the invalid_grant legacy Spring answers to both)", () =>
            {
                EmptyParameters.CheckAnsweredAsOmitted(Received(400, OAuth("invalid_request")), Received(400, OAuth("invalid_request")));
                EmptyParameters.CheckAnsweredAsOmitted(Received(400, OAuth("invalid_grant")), Received(400, OAuth("invalid_grant")));
            }),
            A("TE-09", "token_type in any case", () => TokenResponseShape.Check(Issued(tokenType: "Bearer"))),
            A("TE-09", "opaque tokens of any length and alphabet, or JWTs", () =>
            {
                TokenResponseShape.Check(Issued(accessToken: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl"));
                TokenResponseShape.Check(Issued(accessToken: "2acda61f-cf4f-42be-8561-563b5db7840f"));
            }),
            A("TE-09", "scope omitted when it equals the request", () => TokenResponseShape.Check(Issued(scope: null))),
            A("TE-09", "extra members such as jti, refresh_expires_in, id_token",
                () => TokenResponseShape.Check(Received(200, """{"access_token":"a1","token_type":"bearer","expires_in":300,"jti":"j","refresh_expires_in":1800,"id_token":"x.y.z"}""", Json))),
            A("TE-09", "application/json with or without charset", () =>
            {
                TokenResponseShape.Check(Received(200, TokenBody(), ("Content-Type", "application/json;charset=UTF-8"), NoStore));
                TokenResponseShape.Check(Issued());
            }),
            A("TE-10", "no-store among other directives", () =>
            {
                var answer = Received(200, TokenBody(), Json, ("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"));
                answer.Should().ForbidStoring();
                Judged(NeverCached.AnswersHoldingATokenOf([Recorded(answer)], TokenEndpointUrl), NeverCached.Expectation);
            }),
            A("TE-10", "Pragma absent (HTTP/1.1 caches honour Cache-Control)", () =>
            {
                var answer = Received(200, TokenBody(), Json, NoStore);
                answer.Should().ForbidStoring();
                Judged(NeverCached.AnswersHoldingATokenOf([Recorded(answer)], TokenEndpointUrl), NeverCached.Expectation);
            }),
            A("TE-11", "429", () => BruteForceProtection.Check([.. Guesses(10), Received(429, OAuth("invalid_client"), ("Retry-After", "30"))], Issued())),
            A("TE-11", "a lockout", () => BruteForceProtection.Check(Guesses(30), Received(401, OAuth("invalid_client")))),
            A("TE-11", "growing latency", () => BruteForceProtection.Check(
                [.. Guesses(3), .. Guesses(27).Select((_, i) => Slow(Received(401, OAuth("invalid_client")), TimeSpan.FromSeconds(1 + i * 0.2)))], Issued())),
            A("PW-01", "200 with access and refresh token; scope may be omitted", () =>
            {
                var answer = Issued(scope: null);
                Token(answer);
                answer.Token!.HasRefreshToken.Should().BeTrue();
            }),
            A("PW-02", "unsupported_grant_type", () => Received(400, OAuth("unsupported_grant_type")).Should().IssueNoToken()),
            A("PW-02", "unauthorized_client", () => Received(400, OAuth("unauthorized_client")).Should().IssueNoToken()),
            A("PW-03", "400 invalid_grant", () => Received(400, OAuth("invalid_grant")).Should().IssueNoToken().And.BeRefusedWith("invalid_grant")),
            A("PW-04", "identical status, code and description for unknown, wrong and locked", () =>
                Enumeration.CheckIndistinguishable(Enumerable.Range(0, 6).Select(_ => Received(400, OAuth("invalid_grant", "Bad credentials"))).ToList(), kinds: 3)),
            A("PW-05", "429", () => BruteForceProtection.Check([.. Guesses(10), Received(429, OAuth("invalid_grant"), ("Retry-After", "30"))], Issued())),
            A("PW-05", "a lockout", () => BruteForceProtection.Check(Guesses(30), Received(400, OAuth("invalid_grant")))),
            A("PW-05", "growing latency", () => BruteForceProtection.Check(
                [.. Guesses(3), .. Guesses(27).Select((_, i) => Slow(Received(400, OAuth("invalid_grant")), TimeSpan.FromSeconds(1 + i * 0.2)))], Issued())),
            A("PW-06", "400 unauthorized_client", () => Refusal(Received(400, OAuth("unauthorized_client")))),
            A("PW-06", "401 invalid_client (Spring Security OAuth2 2.x)", () => Refusal(Received(401, OAuth("invalid_client"), ("WWW-Authenticate", "Basic")))),
            A("PW-06", "400 unsupported_grant_type", () => Refusal(Received(400, OAuth("unsupported_grant_type")))),
            A("PW-07", "400", () => Received(400, OAuth("invalid_request")).Should().IssueNoToken()),
            A("PW-07", "a token from the body only", () => Received(400, OAuth("invalid_request", "Missing grant_type")).Should().IssueNoToken()),
            A("OP-01", "400 invalid_grant", () => Refusal(Received(400, OAuth("invalid_grant")))),
            A("OP-01", "any 4xx without a token", () => Refusal(Received(403, OAuth("unauthorized_client")))),
            A("OP-02", "403", () => ResourceRefused(Received(403, OAuth("access_denied")), ResourceRefusal.ForbiddenNotFoundOrUnauthenticated)),
            A("OP-02", "404 hiding the resource", () => ResourceRefused(Received(404, OAuth("not_found")), ResourceRefusal.ForbiddenNotFoundOrUnauthenticated)),
            A("OP-02", "401", () => ResourceRefused(Received(401, "", ("WWW-Authenticate", "Bearer error=\"insufficient_scope\"")), ResourceRefusal.ForbiddenNotFoundOrUnauthenticated)),
            A("OP-03", "as PW-03 and PW-06", () =>
            {
                Received(400, OAuth("invalid_grant")).Should().IssueNoToken().And.BeRefusedWith("invalid_grant");
                Refusal(Received(401, OAuth("invalid_client"), ("WWW-Authenticate", "Basic")));
            }),
            No("OP-03", "an absolute-URI grant name (RFC 6749 §4.5)", "a declaration (tokenEndpoint.operatorGrantType), which every operator scenario sends"),
            A("CC-01", "200 with a token", () => Token(Issued(refreshToken: null))),
            No("CC-01", "N/A where not offered", "a declaration (tokenEndpoint.clientCredentials.offered: false): its scenarios are not applicable"),
            A("CC-02", "no refresh_token member", () => Issued(refreshToken: null).Token!.HasRefreshToken.Should().BeFalse()),
            A("CC-03", "400 invalid_request without authentication (OpenIddict)", () => Refusal(Received(400, OAuth("invalid_request")))),
            A("CC-03", "401 invalid_client for a missing grant (Spring Security OAuth2)", () => Refusal(Received(401, OAuth("invalid_client"), ("WWW-Authenticate", "Basic")))),
            A("CC-04", "any 4xx without a token", () => Refusal(Received(403, OAuth("access_denied")))),
            A("RT-01", "a new refresh token or the same one (RFC 6749 §6)", () =>
            {
                Token(Issued(refreshToken: "rt-2"));
                Token(Issued(refreshToken: "rt-1"));
            }),
            A("RT-01", "the old access token revoked or kept until it expires, as declared", () =>
            {
                DeclaredChoice.Holds(DeclarationReading.OfChoice("that a renewal revokes the previous access token", "tokenEndpoint.accessTokenRevokedOnRefresh"),
                    () => Received(401, "", ("WWW-Authenticate", "Bearer error=\"invalid_token\"")).Should().HaveStatus([401]));
                DeclaredChoice.Holds(DeclarationReading.OfChoice("that a renewal keeps the previous access token", "tokenEndpoint.accessTokenRevokedOnRefresh"),
                    () => Balance().Should().HaveStatus([200]));
            }),
            A("RT-02", "400 invalid_request (a missing client_id)", () => Refusal(Received(400, OAuth("invalid_request")))),
            A("RT-02", "400 or 401 invalid_client", () => Refusal(Received(401, OAuth("invalid_client"), ("WWW-Authenticate", "Basic")))),
            A("RT-03", "400 invalid_grant", () => Refusal(Received(400, OAuth("invalid_grant")))),
            A("RT-03", "any 4xx without a token", () => Refusal(Received(401, OAuth("invalid_client"), ("WWW-Authenticate", "Basic")))),
            A("RT-04", "400 invalid_scope", () => ScopeWidening.Check(Received(400, OAuth("invalid_scope")), "read write", "read")),
            A("RT-04", "a token whose scope leaves the extra scope out (RFC 6749 §3.3, Keycloak)", () => ScopeWidening.Check(Issued(scope: "read"), "read write", "read")),
            A("RT-05", "400 invalid_grant / invalid_request", () =>
            {
                Received(400, OAuth("invalid_grant")).Should().IssueNoToken().And.BeRefusedWith("invalid_grant");
                Received(400, OAuth("invalid_request")).Should().IssueNoToken().And.BeRefusedWith("invalid_request");
            }),
            A("RT-06", "400 invalid_grant", () => Refusal(Received(400, OAuth("invalid_grant")))),
            A("RT-06", "401 invalid_token (Spring Security OAuth2 2.x, the vendor's stack)", () =>
            {
                var answer = Received(401, OAuth("invalid_token", "Invalid refresh token (expired)"), ("WWW-Authenticate", "Bearer error=\"invalid_token\""));
                Refusal(answer);
                ErrorFormat.CheckRegisteredCode(answer);
                Judged(RegisteredErrorCodes.Of([Recorded(answer)], TokenEndpointUrl), RegisteredErrorCodes.Expectation);
                Judged(BasicChallenge.Of([Recorded(answer)], TokenEndpointUrl), BasicChallenge.Expectation, judgedAny: false);
            }),
            No("RT-07", "a reuse leeway as declared (refreshTokenReuseLeewaySeconds)", "a declaration: the scenarios wait it out, and check the replaced token still works within it"),
            No("RT-07", "N/A without rotation", "a declaration (tokenEndpoint.refreshTokenRotation: false): the rotation scenarios are not applicable"),
            A("RT-08", "any refusal once the account is locked", () => Refusal(Received(401, OAuth("invalid_token")))),
            A("BK-01", "the statuses declared in tokenEndpoint.brandRejectionStatus, no token", () =>
            {
                var answer = Received(422, OAuth("invalid_request"));
                answer.Should().IssueNoToken();
                DeclaredChoice.Holds(DeclarationReading.OfChoice("that a missing brand is refused with 400 or 422", "tokenEndpoint.brandRejectionStatus"),
                    () => answer.Should().HaveStatus([400, 422]));
            }),
            A("BK-02", "any 4xx", () => Refusal(Received(404, "<html>Not Found</html>", ("Content-Type", "text/html")))),
            No("BK-03", "brand_key or brandKey, query or form, as declared", "a declaration (tokenEndpoint.brandParameter): every request sends the declared form"),
            A("BK-04", "400", () => BrandBinding.CheckRefused(Received(400, OAuth("invalid_request")))),
            A("BK-04", "a token bound to one brand only", () => BrandBinding.CheckBoundToOne(Balance(), Received(403, OAuth("access_denied")))),
            A("BK-05", "400, 401, 403 or 404 as declared, never 200 or 5xx", () =>
            {
                foreach (var status in new[] { 400, 401, 403, 404 })
                    ResourceRefused(Received(status, OAuth("invalid_request")), 400, 401, 403, 404);
            }),
            A("BK-06", "401, 403 or 404, no data", () =>
            {
                foreach (var status in new[] { 401, 403, 404 })
                    ResourceRefused(Received(status, OAuth("access_denied")), 401, 403, 404);
            }),
            A("BK-07", "any 4xx without a token", () => Refusal(Received(401, OAuth("unauthorized_client")))),
            A("BK-08", "a refusal", () => Received(400, OAuth("invalid_grant")).Should().BeClientError()),
            A("BK-08", "a token still bound to the first brand", () => ResourceRefusal.CheckNoData(Received(403, OAuth("access_denied")))),
            A("RS-01", "200 JSON", () => Balance().Should().HaveStatus(200).And.BeDeclaredJson()),
            A("RS-02", "200 with the balance as JSON", () => Balance().Should().HaveStatus(200).And.BeDeclaredJson()),
            A("RS-03", "401 with a Bearer challenge, with or without realm", () =>
            {
                foreach (var challenge in new[] { "Bearer", "Bearer realm=\"rator\"" })
                {
                    var answer = Received(401, "", ("WWW-Authenticate", challenge));
                    answer.Should().HaveStatus(401).And.ChallengeWith("Bearer");
                    ResourceRefusal.CheckChallengeHasNoError(answer);
                }
            }),
            A("RS-04", "401 with error=\"invalid_token\" in the Bearer challenge", () => InvalidToken()),
            A("RS-05", "401 with error=\"invalid_token\" in the Bearer challenge", () => InvalidToken()),
            A("RS-06", "401", () => ResourceRefused(Received(401, "", ("WWW-Authenticate", "Bearer")), ResourceRefusal.UnauthenticatedOrBadRequest)),
            A("RS-06", "400 invalid_request (node-oauth2-server)", () => ResourceRefused(Received(400, OAuth("invalid_request")), ResourceRefusal.UnauthenticatedOrBadRequest)),
            A("RS-07", "400 or 401", () =>
            {
                ResourceRefused(Received(400, OAuth("invalid_request")), ResourceRefusal.UnauthenticatedOrBadRequest);
                ResourceRefused(Received(401, "", ("WWW-Authenticate", "Bearer error=\"invalid_token\"")), ResourceRefusal.UnauthenticatedOrBadRequest);
            }),
            A("RS-08", "403", () => ResourceRefused(Received(403, OAuth("access_denied")), ResourceRefusal.ForbiddenOrNotFound)),
            A("RS-08", "404", () => ResourceRefused(Received(404, OAuth("not_found")), ResourceRefusal.ForbiddenOrNotFound)),
            A("ER-01", "400; 401 for invalid_client", () =>
            {
                ErrorFormat.CheckStatusMatchesCode(Received(400, OAuth("invalid_grant")), null);
                ErrorFormat.CheckStatusMatchesCode(Received(401, OAuth("invalid_client")), null);
            }),
            A("ER-02", "the six RFC 6749 §5.2 codes and registered extensions", () =>
            {
                foreach (var code in OAuthError.RegisteredCodes.Concat(OAuthError.RegisteredExtensionCodes))
                {
                    var answer = Received(400, OAuth(code));
                    ErrorFormat.CheckRegisteredCode(answer);
                    Judged(RegisteredErrorCodes.Of([Recorded(answer)], TokenEndpointUrl), RegisteredErrorCodes.Expectation);
                }
            }),
            A("ER-03", "error_description absent", () =>
            {
                var answer = Received(400, """{"error":"invalid_grant"}""", Json);
                ErrorFormat.CheckCharacters(answer);
                Judged(ErrorCharacters.Of([Recorded(answer)], TokenEndpointUrl), ErrorCharacters.Expectation);
            }),
            A("ER-03", "error_uri present", () =>
            {
                var answer = Received(400, """{"error":"invalid_grant","error_uri":"https://www.rfc-editor.org/rfc/rfc6749#section-5.2"}""", Json);
                ErrorFormat.CheckCharacters(answer);
                Judged(ErrorCharacters.Of([Recorded(answer)], TokenEndpointUrl), ErrorCharacters.Expectation);
            }),
            A("ER-04", "unauthorized_client for a grant the client lacks", () =>
                Received(400, OAuth("unauthorized_client")).Should().IssueNoToken().And
                    .BeRefusedWith("unsupported_grant_type", "unauthorized_client", "invalid_request", "invalid_grant")),
            A("ER-05", "invalid_scope", () => ErrorFormat.CheckScopeRefusedOrIgnored(Received(400, OAuth("invalid_scope")), "made_up", "invalid_scope")),
            A("ER-05", "a made-up scope left out of the token", () => ErrorFormat.CheckScopeRefusedOrIgnored(Issued(scope: "read write"), "made_up", "invalid_scope")),
            A("ER-06", "any 4xx", () =>
            {
                var answer = Received(415, "<html>Unsupported Media Type</html>", ("Content-Type", "text/html"));
                answer.Should().IssueNoToken().And.BeClientError();
                Judged(NoServerErrors.Of([Recorded(answer, wellFormed: false)]), NoServerErrors.Expectation);
            }),
            A("ER-06", "a token where the request is valid (unknown parameters are ignored, RFC 6749 §3.2)", () =>
            {
                var answer = Issued();
                answer.IssuedToken.Should().BeTrue();
                Judged(NoServerErrors.Of([Recorded(answer)]), NoServerErrors.Expectation);
            }),
            A("ER-06", "502, 503 or 504 (the infrastructure's answer, not the input's)", () =>
            {
                foreach (var status in new[] { 502, 503, 504 })
                    Judged(NoServerErrors.Of([Recorded(Received(status, "<html>Bad Gateway</html>", ("Content-Type", "text/html")))]), NoServerErrors.Expectation);
            }),
            A("SH-01", "opaque or JWT with a high-entropy jti or signature", () =>
            {
                TokenEntropy.Of("eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiI0ZjZkIn0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU").Structured.Should().BeTrue();
                TokenEntropy.Of("q3Jx0-6zQ1g_vK7pL2mN8bR4tY9wE5uH1aS3dF6gJ0k").Bits.Should().BeGreaterThanOrEqualTo(128);
            }),
            A("SH-02", "expires_in up to 3600", () => Issued(expiresIn: 3600).Token!.ExpiresIn.Should().BeInRange(1, 3600)),
            A("SH-04", "any 4xx", () => Received(404, "<html>Not Found</html>", ("Content-Type", "text/html")).Should().BeClientError()),
            A("SH-05", "TLS 1.3 only (RFC 9325 §3.1.1 prefers it)", () => TlsGates(Tls())),
            A("SH-05", "a certificate from a company CA the environment trusts through tls.caFile", () => TlsGates(Tls() with
            {
                Trust = new ServerCertificateTrust.Verdict(true, "tls.caFile (/etc/company-ca.pem)", true, X509ChainStatusFlags.NoError, null),
            })),
            A("SH-05", "refusing TLS 1.0/1.1 with any alert or by closing the connection", () =>
            {
                TlsGates(Tls() with { LegacyOffer = new TlsHello.Answer(TlsHello.Reply.Alert, Alert: 40) });
                TlsGates(Tls() with { LegacyOffer = new TlsHello.Answer(TlsHello.Reply.Closed) });
            }),
            A("SH-05", "TLS 1.3 suites of RFC 8446 §9.1 (AES-GCM, ChaCha20-Poly1305); on TLS 1.2 the four ECDHE AES-GCM suites of RFC 9325 §4.2", () =>
            {
                foreach (var suite in TlsQuality.RecommendedForTls13)
                    TlsQuality.CheckRecommendedCipherSuite(Tls() with { CipherSuite = suite });
                foreach (var suite in TlsQuality.RecommendedForTls12)
                    TlsQuality.CheckRecommendedCipherSuite(Tls() with { Protocol = SslProtocols.Tls12, CipherSuite = suite });
            }),
            A("SH-07", "429", () => Received(429, "", ("Retry-After", "10")).StatusCode.Should().BeOneOf(401, 429)),
            A("SH-07", "no throttling (recorded)", () => Received(401, "", ("WWW-Authenticate", "Bearer error=\"invalid_token\"")).StatusCode.Should().BeOneOf(401, 429)),
            No("DC-01", "a documentation finding where the deployment reads the body only", "a documentation finding, which only warns whatever the answer"),
            No("DC-03", "a documentation finding where the grant has another name", "a documentation finding, which only warns whatever the answer"),
            No("DC-04", "N/A where not offered", "a declaration (tokenEndpoint.clientCredentials.offered: false): the scenario is not applicable"),
            A("DC-07", "expires_in at most the configured validity", () => Issued(expiresIn: 2).Token!.ExpiresIn!.Value.Should().BeInRange(1, 2)),
        ];

        private static Accepted A(string requirement, string text, Action judge) => new(requirement, text, judge);

        private static Accepted No(string requirement, string text, string reason) => new(requirement, text, () => { }, reason);
    }

    private static readonly (string, string) Json = ("Content-Type", "application/json");
    private static readonly (string, string) NoStore = ("Cache-Control", "no-store");

    private static string TokenBody(string accessToken = "AcC3ss-t0ken-0f-43-characters-xxxxxxxxxxxx", string tokenType = "bearer",
        string? refreshToken = "r3fresh-t0ken-0f-43-characters-xxxxxxxxxxxx", string? scope = "read write", long expiresIn = 1800) =>
        "{" + string.Join(",", new[]
        {
            $"\"access_token\":\"{accessToken}\"", $"\"token_type\":\"{tokenType}\"", $"\"expires_in\":{expiresIn}",
            refreshToken is null ? null : $"\"refresh_token\":\"{refreshToken}\"", scope is null ? null : $"\"scope\":\"{scope}\"",
        }.OfType<string>()) + "}";

    private static ApiResponse Issued(string accessToken = "AcC3ss-t0ken-0f-43-characters-xxxxxxxxxxxx", string tokenType = "bearer",
        string? refreshToken = "r3fresh-t0ken-0f-43-characters-xxxxxxxxxxxx", string? scope = "read write", long expiresIn = 1800) =>
        Received(200, TokenBody(accessToken, tokenType, refreshToken, scope, expiresIn), Json, NoStore);

    /// <summary>A deployment every SH-05 clause accepts today (the accepted answers change one thing of it).</summary>
    private static TlsExamination Tls() => SyntheticExaminations.Good(DateTimeOffset.UtcNow);

    /// <summary>SH-05's gating clauses, one scenario each.</summary>
    private static void TlsGates(TlsExamination tls)
    {
        TlsQuality.CheckIssuerTrusted(tls);
        TlsQuality.CheckWithinValidity(tls, DateTimeOffset.UtcNow);
        TlsQuality.CheckHostName(tls);
        TlsQuality.CheckCurrentProtocol(tls);
        TlsQuality.CheckLegacyProtocolsRefused(tls);
    }

    private static ApiResponse Balance() =>
        Received(200, """{"billingGroupId":"201506171857210002","balance":12.5,"currency":"EUR"}""", Json);

    private static void Token(ApiResponse answer) => answer.Should().IssueAToken();

    /// <summary>What every promise scenario of a refused token request checks: no token, and a client error.</summary>
    private static void Refusal(ApiResponse answer) => answer.Should().IssueNoToken().And.BeClientError();

    private static void ResourceRefused(ApiResponse answer, params int[] statuses)
    {
        answer.Should().HaveStatus(statuses);
        ResourceRefusal.CheckNoData(answer);
    }

    private static void InvalidToken()
    {
        foreach (var challenge in new[] { "Bearer error=\"invalid_token\"", "Bearer realm=\"rator\", error=\"invalid_token\", error_description=\"Access token expired\"" })
        {
            var answer = Received(401, "", ("WWW-Authenticate", challenge));
            answer.Should().HaveStatus(401);
            ResourceRefusal.CheckInvalidToken(answer);
            ResourceRefusal.CheckNoData(answer);
        }
    }

    private static IReadOnlyList<ApiResponse> Guesses(int count) =>
        Enumerable.Range(0, count).Select(_ => Received(401, OAuth("invalid_client"), ("WWW-Authenticate", "Basic"))).ToList();

    private static ApiResponse Slow(ApiResponse answer, TimeSpan took) =>
        ApiResponse.Received(answer.StatusCode!.Value, answer.Body, answer.Headers.All, duration: took);

    /// <param name="judgedAny">false where the rule does not apply to the answer at all (nothing to judge is no failure).</param>
    private static void Judged(WholeRunJudgement judgement, string expectation, bool judgedAny = true)
    {
        if (judgedAny)
            judgement.Judged.Answers.Should().BePositive("the sample is one of the answers the rule judges");
        judgement.Check(expectation);
    }
}
