using Rator.Sandbox.Defects;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox;

/// <summary>
/// Every variant the sandbox can switch on. Each one answers one behaviour the way another real OAuth stack
/// does, within what the RFCs and the vendor's pages allow, so the suite can prove it passes such a
/// deployment. All of them combine; the README says where one makes another moot.
/// </summary>
public static class SandboxVariantCatalog
{
    public static IReadOnlyList<SandboxVariant> All { get; } =
    [
        new(VariantNames.TokenTypeCapitalized, "RFC 6749 §5.1, §7.1: token_type is case-insensitive", "Token responses carry token_type \"Bearer\" instead of \"bearer\"."),
        new(VariantNames.JwtAccessTokens, "RFC 6749 §1.4, RFC 9068: the access token's format is the server's", "Access tokens are HS256 JWTs (typ at+jwt, a random key per host) with iss, sub, aud, client_id, brand, scope, iat, exp and a 256-bit jti; refresh tokens stay opaque."),
        new(VariantNames.HexRefreshTokens, "RFC 6749 §1.5, §10.10: refresh tokens are opaque, any alphabet, at least 128 bits", "Refresh tokens are 40 random bytes in lower-case hex (80 characters)."),
        new(VariantNames.EmptySecretInvalidRequest, "RFC 6749 §5.2: invalid_request for a missing parameter (Spring Authorization Server, node-oauth2-server)", "HTTP Basic with an empty secret (client:) answers 400 invalid_request without a challenge; a wrong or unknown secret still gets 401 invalid_client."),
        new(VariantNames.MissingClientAuthInvalidRequest, "RFC 6749 §5.2: invalid_request for a missing parameter (OpenIddict, Duende)", "A token request with no Authorization header and no client_id or client_secret answers 400 invalid_request."),
        new(VariantNames.QueryTokenBadRequest, "RFC 6750 §3.1: invalid_request for an unsupported way of sending the token (node-oauth2-server)", "At the resources, an access_token query parameter without an Authorization header answers 400 invalid_request with the error in the Bearer challenge."),
        new(VariantNames.ScopeOmitted, "RFC 6749 §5.1: scope is OPTIONAL when identical to the scope requested (OpenIddict)", "Token responses omit scope when the request named no scope or exactly the granted one."),
        new(VariantNames.ErrorUriWithoutDescription, "RFC 6749 §5.2: error_description and error_uri are both OPTIONAL (Duende, Spring AS, OpenIddict)", "Token-endpoint errors carry error_uri instead of error_description."),
        new(VariantNames.ChallengeShapes, "RFC 7617 §2.1: charset; RFC 6750 §3: realm and error_uri are OPTIONAL (Spring Security)", "The Basic challenge adds charset=\"UTF-8\"; resource challenges have no realm, an error_uri beside an error, and a bare Bearer without a token."),
        new(VariantNames.CacheControlDirectives, "RFC 6749 §5.1: no-store is required, other directives may accompany it (Spring Security)", "Token-endpoint answers carry Cache-Control: no-cache, no-store, max-age=0, must-revalidate, Pragma: no-cache and Expires: 0."),
        new(VariantNames.JsonWithoutCharset, "RFC 8259 §11: application/json defines no charset parameter (Spring AS, Keycloak)", "Every JSON answer has Content-Type application/json without a charset parameter."),
        new(VariantNames.GetTokenBadRequest, "RFC 6749 §3.2: POST is required, the refusal's status is not fixed (OpenIddict, Duende)", "Methods other than POST on the token endpoint answer 400 invalid_request without an Allow header."),
        new(VariantNames.GrantTypeCheckedFirst, "RFC 6749 §5.2: the order of the checks is not fixed (Keycloak, OpenIddict)", "grant_type and the brand are checked before client authentication."),
        new(VariantNames.ExpiredRefreshInvalidToken, "Spring Security OAuth2 2.x, the vendor's stack: DefaultTokenServices answers invalid_token", "An expired refresh token answers 401 invalid_token with a Bearer challenge instead of 400 invalid_grant."),
        new(VariantNames.GrantNotAllowedInvalidClient, "Spring Security OAuth2 2.x, the vendor's stack: AbstractTokenGranter answers invalid_client", "A grant missing from the client's authorized_grant_types answers 401 invalid_client with the Basic challenge instead of 400 unauthorized_client."),
        new(VariantNames.WiderRefreshScopeNarrowed, "RFC 6749 §3.3: the server may issue another scope and names it (Keycloak)", "A refresh asking for scopes not originally granted gets a token without them, named in scope, instead of 400 invalid_scope."),
        new(VariantNames.RefreshReuseLeeway, "RFC 9700 §4.14.2 leaves reuse detection's details open (OpenIddict's RefreshTokenReuseLeeway)", "With rotation, a superseded refresh token is accepted again within 3 s of its rotation, revoking nothing; later reuse still revokes its family."),
        new(VariantNames.NoRefreshRotation, "RFC 6749 §6: a new refresh token is OPTIONAL (Spring's default)", "Refresh tokens are kept across refreshes, as with RotateRefreshTokens = false."),
        new(VariantNames.AccessTokenKeptOnRefresh, "RFC 6749 §6 does not require revoking the old access token (Spring AS with JWTs, Keycloak)", "A refresh does not revoke the previous access token; it lives until it expires."),
        new(VariantNames.BrandKeyCamelCase, "Vendor page \"Authentication Methods\": the brand parameter is brandKey", "The token endpoint reads the brand only as brandKey (query or body); brand_key is ignored like any unknown parameter."),
        new(VariantNames.FormOnlyParameters, "RFC 6749 §3.2, §4.3.2: parameters travel in the entity-body (Spring AS 1.1.4+, Keycloak, OpenIddict, Duende)", "The token endpoint reads its parameters from the form body only; the query string is ignored."),
        new(VariantNames.ResourceBrandRefusals, "RFC 6750 §3.1: insufficient access is 403; RFC 9110 §15.5.5: 404 may hide a forbidden object", "At the resources, a missing, empty, unknown or doubled brand header answers 403 access_denied and a token of another brand 404 not_found."),
        new(VariantNames.RestrictedClientReshaped, "Vendor page \"brand access\": OAUTH_CLIENT_DETAILS rows are the deployment's", "The seeded client rator-restricted is registered for BRAND2 only, with password, client_credentials and refresh_token (no operator grant)."),
        new(VariantNames.OperatorGrantRenamed, "RFC 6749 §4.5: an extension grant may be named by an absolute URI", "The operator grant's wire name is urn:rator:grant-type:operator."),
        new(VariantNames.Tls13Only, "RFC 8446; RFC 9325 §3.1.1 prefers TLS 1.3 (Mozilla's \"modern\" server profile offers nothing older)", "The https listener speaks TLS 1.3 only."),
        new(VariantNames.PlainHttpRedirect, "RFC 6749 §3.2 requires TLS, not how plain HTTP is turned away (nginx's return 301 https://, Spring Security's requiresSecure)", "Beside https, the plain-HTTP address answers every request with 301 to the same path on https, issuing nothing."),
        new(VariantNames.PlainHttpClosed, "RFC 6749 §3.2: no plain-HTTP endpoint at all is the strictest way to require TLS", "Beside https, nothing listens on the plain-HTTP port: every connection is refused (plain-http-redirect is then moot)."),
    ];

    /// <summary>The pairs that cannot run together: the variant leaves the defect nothing observable to break.</summary>
    public static IReadOnlyList<VariantConflict> Conflicts { get; } =
    [
        new(VariantNames.NoRefreshRotation, DefectNames.RotatedRefreshTokenReusable, "Nothing rotates, so there is no superseded token to reuse."),
        new(VariantNames.FormOnlyParameters, DefectNames.CcBrandQueryIgnored, "The brand is never read from the query, so missing it there changes nothing."),
        new(VariantNames.FormOnlyParameters, DefectNames.QueryCredentialsRefused, "The query is never read, so the query-string example is already refused."),
        new(VariantNames.FormOnlyParameters, DefectNames.QueryClientCredentialsAccepted, "The query is never read, so there are no query credentials to accept."),
        new(VariantNames.FormOnlyParameters, DefectNames.TokenGetAllowed, "A GET has no form body and its query is never read, so a served GET cannot issue a token."),
        new(VariantNames.BrandKeyCamelCase, DefectNames.BrandKeyFormIgnored, "brand_key is never read, so ignoring it in the form changes nothing."),
        new(VariantNames.FormOnlyParameters, DefectNames.BrandKeyFormIgnored,
            "With the query never read, brand_key in the form body is the only brand_key form, the one declared: ignoring it leaves no client a token at all, so a run stops at its first token (exit 3) instead of showing BK-03 broken."),
        new(VariantNames.BrandKeyCamelCase, DefectNames.QueryCredentialsRefused,
            "The brand page's query-string example names brand_key, which is never read, so the example is already refused as printed (a documentation finding): refusing query credentials changes nothing it shows."),
        new(VariantNames.OperatorGrantRenamed, DefectNames.OperatorBrandKeyFormIgnored,
            "The vendor's operator example names grant_type operator_password, which the renamed grant refuses before the brand is read: ignoring its brandKey changes nothing the example shows."),
        new(VariantNames.ErrorUriWithoutDescription, DefectNames.ErrorDescriptionLocalized, "There is no error_description to localize."),
        new(VariantNames.ErrorUriWithoutDescription, DefectNames.UserEnumeration, "There is no error_description to tell unknown user, wrong password and locked account apart."),
        new(VariantNames.RestrictedClientReshaped, DefectNames.CcGrantUnchecked, "The restricted client holds client_credentials, so it cannot show the grant going unchecked."),
        new(VariantNames.ErrorUriWithoutDescription, DefectNames.MissingParameterDescriptionQuoted, "There is no error_description to quote a parameter in."),
        new(VariantNames.RefreshReuseLeeway, DefectNames.RefreshRotationInverted,
            "Within the 3 s leeway a replaced refresh token is served again, so a sandbox declared to keep refresh tokens that rotates them still looks as if it kept them: the inverted rotation shows only without the leeway."),
        new(VariantNames.Tls13Only, DefectNames.TlsLegacyProtocolsAccepted, "A listener that speaks TLS 1.3 only has no TLS 1.0 or 1.1 to accept."),
        new(VariantNames.Tls13Only, DefectNames.TlsWeakCipher, "TLS 1.3 has no CBC cipher suites to fall back to."),
        new(VariantNames.PlainHttpClosed, DefectNames.TokenOverPlainHttp, "Nothing listens on the plain-HTTP port, so nothing can be served there."),
        new(VariantNames.PlainHttpRedirect, DefectNames.TokenOverPlainHttp, "The plain-HTTP address answers everything with a redirect, so it cannot serve a token too."),
    ];

    /// <summary>The named variants in the order given, without repeats; "all" stands for the whole catalogue.</summary>
    public static IReadOnlyList<SandboxVariant> Resolve(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var known = All.ToDictionary(v => v.Name, StringComparer.Ordinal);
        var list = new List<SandboxVariant>();
        var everything = false;
        foreach (var raw in names)
        {
            var name = raw.Trim();
            if (name.Length == 0) continue;
            if (name.Equals(VariantNames.All, StringComparison.OrdinalIgnoreCase))
            {
                everything = true;
                continue;
            }
            if (!known.TryGetValue(name, out var variant))
                throw new SandboxConfigurationException(
                    $"Unknown variant '{name}'. Run with --list-variants to see the known names.");
            if (!list.Contains(variant)) list.Add(variant);
        }
        return everything ? All : list;
    }

    /// <summary>Every variant that can run beside the defect.</summary>
    public static IReadOnlyList<SandboxVariant> CompatibleWith(SandboxDefect defect)
    {
        ArgumentNullException.ThrowIfNull(defect);
        var excluded = Conflicts.Where(c => c.Defect == defect.Name).Select(c => c.Variant).ToHashSet(StringComparer.Ordinal);
        return All.Where(v => !excluded.Contains(v.Name)).ToList();
    }
}
