using Rator.Sandbox.Defects;

namespace Rator.Sandbox;

/// <summary>
/// Every defect the sandbox can switch on. Each one breaks a single requirement of the suite's catalogue (Support/Compliance/requirements.json);
/// the descriptions say exactly what changes, so a scenario author can aim at it.
/// </summary>
public static class SandboxDefectCatalog
{
    public static IReadOnlyList<SandboxDefect> All { get; } =
    [
        new(DefectNames.TokenGetAllowed, "TE-01", "GET on the token endpoint is served like POST and issues tokens."),
        new(DefectNames.BasicAuthNotDecoded, "TE-03", "Basic credentials are not form-url-decoded: an RFC 6749 2.3.1-encoded special-character secret is refused (the raw form still works)."),
        new(DefectNames.QueryClientCredentialsAccepted, "TE-04", "client_id and client_secret in the query string (no Basic) authenticate the client."),
        new(DefectNames.ClientAuthOptional, "TE-05", "Password and operator grants without any client authentication are served for the first client that allows the grant."),
        new(DefectNames.BasicChallengeMissing, "TE-06", "Client authentication failures answer 401 invalid_client without the WWW-Authenticate: Basic challenge."),
        new(DefectNames.DuplicateParamsAccepted, "TE-07", "A repeated parameter (other than the brand) is tolerated, first value wins; a client secret in the body next to Basic is ignored."),
        new(DefectNames.UnknownParamsRejected, "TE-08", "An unrecognised token-request parameter is refused with 400 invalid_request."),
        new(DefectNames.TokenTypeMissing, "TE-09", "Token responses omit token_type."),
        new(DefectNames.CacheHeadersMissing, "TE-10", "Token endpoint responses lack Cache-Control: no-store and Pragma: no-cache."),
        new(DefectNames.PasswordNoRefreshToken, "PW-01", "The password grant issues no refresh token."),
        new(DefectNames.BadCredentialsInvalidRequest, "PW-03", "Bad end-user credentials (unknown user, wrong password, locked user alike) answer 400 invalid_request instead of invalid_grant."),
        new(DefectNames.UserEnumeration, "PW-04", "The password grant's error_description tells unknown user, wrong password and locked account apart."),
        new(DefectNames.GrantTypesUnchecked, "PW-06", "A client's authorized_grant_types are not checked for the password and operator grants."),
        new(DefectNames.CredentialClassesMerged, "OP-01", "The operator grant also accepts end-user (customer) credentials and issues an operator token."),
        new(DefectNames.OperatorResourceOpen, "OP-02", "Customer tokens may read operator-only resources (GET api/customers/{id})."),
        new(DefectNames.OperatorBadCredentialsInvalidRequest, "OP-03", "Bad operator credentials answer 400 invalid_request instead of invalid_grant."),
        new(DefectNames.CcBrandQueryIgnored, "CC-01", "Client credentials reads the brand only from the form body: a brand in the query string is missed (400 invalid_request)."),
        new(DefectNames.CcRefreshTokenIssued, "CC-02", "Client credentials responses carry a refresh token."),
        new(DefectNames.CcGrantUnchecked, "CC-03", "A client without client_credentials in its authorized_grant_types still gets a client-credentials token."),
        new(DefectNames.CcOperatorUnchecked, "CC-04", "The operator parameter of client credentials is not checked: unknown, other-brand and privileged operators are accepted."),
        new(DefectNames.RefreshAccessTokenUnusable, "RT-01", "A refresh answers 200, but the new access token is never stored: resources reject it with 401 invalid_token."),
        new(DefectNames.RefreshWithoutClientAuth, "RT-02", "A refresh without client authentication is served for the client the refresh token was issued to."),
        new(DefectNames.RefreshNotClientBound, "RT-03", "A refresh token is accepted from any authenticated client, not only the one it was issued to."),
        new(DefectNames.RefreshScopeWidening, "RT-04", "A refresh grants whatever scope it asks for, wider than the original."),
        new(DefectNames.UnknownRefreshTokenInvalidRequest, "RT-05", "An unknown refresh token answers 400 invalid_request instead of invalid_grant."),
        new(DefectNames.ExpiredRefreshTokenAccepted, "RT-06", "An expired refresh token is still accepted."),
        new(DefectNames.RotatedRefreshTokenReusable, "RT-07", "With rotation on, a superseded refresh token still works and its reuse revokes nothing."),
        new(DefectNames.RefreshIgnoresLock, "RT-08", "A refresh succeeds after the principal was locked or disabled."),
        new(DefectNames.BrandOptional, "BK-01", "A token request without a brand (or with an empty one) is served with the principal's brand."),
        new(DefectNames.BrandSpecialCharsCrash, "BK-02", "A brand value with characters outside A-Z a-z 0-9 _ - makes the token endpoint answer 500."),
        new(DefectNames.BrandKeyFormIgnored, "BK-03", "brand_key (snake case) in the form body is not read; the other three forms still work."),
        new(DefectNames.BrandConflictFirstWins, "BK-04", "Conflicting brand values (query and body, or both names) are not rejected: the query value wins."),
        new(DefectNames.BrandHeaderOptional, "BK-05", "A resource call without X-RATOR-brand-key is served with the token's brand."),
        new(DefectNames.BrandHeaderCaseSensitive, "BK-05", "The X-RATOR-brand-key header name is matched case-sensitively: x-rator-brand-key is treated as missing."),
        new(DefectNames.BrandNotBound, "BK-06", "Resources accept a token of one brand with the header of another (the header is still required)."),
        new(DefectNames.PrincipalBrandUnchecked, "BK-07", "Password and operator grants authenticate a principal of any brand and bind the token to the requested brand."),
        new(DefectNames.RefreshSwitchesBrand, "BK-08", "A refresh with another brand issues tokens bound to that brand."),
        new(DefectNames.ResourceNotJson, "RS-01", "Resources answer with Content-Type text/plain instead of JSON."),
        new(DefectNames.BearerSchemeCaseSensitive, "RS-02", "Only the exact scheme name 'Bearer' is accepted; 'bearer' and 'BEARER' get 401."),
        new(DefectNames.NoTokenErrorCode, "RS-03", "A resource call without a token gets a challenge with an error code (error=\"unauthorized\")."),
        new(DefectNames.InvalidTokenNoErrorCode, "RS-04", "An unknown token gets a bare Bearer challenge without error=\"invalid_token\"."),
        new(DefectNames.ExpiredTokenAccepted, "RS-05", "Expired access tokens are still accepted by resources."),
        new(DefectNames.QueryTokenAccepted, "RS-06", "An access_token query parameter is accepted by resources when there is no Authorization header."),
        new(DefectNames.MalformedBearerAccepted, "RS-07", "A malformed credential such as 'Bearer t,junk' is accepted as token t."),
        new(DefectNames.BillingGroupOwnerUnchecked, "RS-08", "A customer token reads another customer's billing group of the same brand."),
        new(DefectNames.UnsupportedGrantType401, "ER-01", "unsupported_grant_type is answered with status 401 instead of 400."),
        new(DefectNames.ErrorCodeUnregistered, "ER-02", "A password or operator grant without username or password answers the unregistered code missing_credentials."),
        new(DefectNames.ErrorDescriptionLocalized, "ER-03", "With Accept-Language: it, token-endpoint error descriptions are Italian with non-ASCII characters."),
        new(DefectNames.UnknownGrantInvalidRequest, "ER-04", "An unknown grant_type answers invalid_request instead of unsupported_grant_type."),
        new(DefectNames.BogusScopeGranted, "ER-05", "An unknown scope in a grant request is granted and echoed in the token response."),
        new(DefectNames.LongValueCrash, "ER-06", "A username or password longer than 1024 characters makes the token endpoint answer 500."),
        new(DefectNames.UuidTokens, "SH-01", "Tokens are UUIDv4 strings (122 random bits) instead of 256-bit random values."),
        new(DefectNames.LongLivedTokens, "SH-02", "Access tokens of clients configured for more than 60 s live 12 hours (Spring's default); expires_in 43200."),
        new(DefectNames.TokenEchoed, "SH-03", "The invalid_token challenge and body echo the presented token (error_description=\"Invalid access token: X\")."),
        new(DefectNames.CheckTokenExposed, "SH-04", "/oauth/check_token and /oauth/token_key are exposed and answer 200."),
        new(DefectNames.QueryCredentialsRefused, "DC-01", "The brand page's query-string password example is refused: user credentials in the query answer 400 invalid_request."),
        new(DefectNames.PasswordBrandKeyFormIgnored, "DC-02", "For the password grant, brandKey (camel case) in the form body is not read (400 invalid_request)."),
        new(DefectNames.OperatorBrandKeyFormIgnored, "DC-03", "For the operator grant, brandKey (camel case) in the form body is not read (400 invalid_request)."),
        new(DefectNames.CcBrandKeyFormIgnored, "DC-04", "For client credentials, brandKey (camel case) in the form body is not read (400 invalid_request)."),
        new(DefectNames.RefreshBrandKeyFormIgnored, "DC-05", "For the refresh grant, brandKey (camel case) in the form body is not read (400 invalid_request)."),
        new(DefectNames.ItalianNotAcceptable, "DC-06", "Resources answer 406 to Accept-Language: it."),
        new(DefectNames.ExpiresInOverstated, "DC-07", "expires_in reports twice the validity configured in OAUTH_CLIENT_DETAILS (the token still dies on time)."),
        new(DefectNames.RefreshDuplicateParamsAccepted, "TE-07", "On the refresh grant a repeated parameter (refresh_token, grant_type) is tolerated and its last value wins; other grants still refuse repetitions."),
        new(DefectNames.EmptyRefreshTokenInvalidGrant, "TE-08", "An empty refresh_token is read as a refresh token never issued (400 invalid_grant), while a missing one is invalid_request: the empty parameter is not treated as omitted."),
        new(DefectNames.BareUnknownGrantMissingUsername, "ER-04", "An unknown grant_type sent without a username is refused as a missing username (400 invalid_request) instead of unsupported_grant_type."),
        new(DefectNames.BrandRefusalCacheHeadersMissing, "TE-10", "Refusals for a missing, empty or unknown brand at the token endpoint come without Cache-Control: no-store and Pragma: no-cache."),
        new(DefectNames.MissingParameterDescriptionQuoted, "ER-03", "Refusals for a missing username, password, operator or refresh_token describe it as Missing \"username\" in request., with the quotes RFC 6749 5.2 forbids."),
        new(DefectNames.OperatorTokensNotBrandBound, "BK-06", "Resources accept an operator's token (operator grant or client credentials) under another brand's header and serve that brand's data; customer tokens stay bound."),
        new(DefectNames.CcTokensNeverExpire, "RS-05", "Access tokens issued with client credentials are still accepted after they expired."),
        new(DefectNames.RefreshScopeWideningRegistered, "RT-04", "A refresh grants a scope its client holds that the refreshed token lacked; a scope the client lacks is still refused."),
        new(DefectNames.MalformedQueryCrash, "ER-06", "A token request whose query string holds percent-escaped bytes that are no UTF-8 makes the token endpoint answer 500."),
        new(DefectNames.BasicChallengeBearer, "TE-06", "Client authentication failures answer 401 invalid_client with a Bearer challenge instead of the Basic one."),
        new(DefectNames.RefreshRotationInverted, "RT-07", "Refresh tokens are kept where the sandbox declares rotation, and rotate where it declares them kept (refreshTokenRotation)."),
        new(DefectNames.TokenOverPlainHttp, "TE-02", "Beside https, the plain-HTTP address serves every request like the https one: a token is issued for credentials sent in clear."),
        new(DefectNames.TlsUntrustedIssuer, "SH-05", "The https certificate is signed by a CA of its own that nobody trusts (not the declared sandbox CA)."),
        new(DefectNames.TlsCertificateExpired, "SH-05", "The https certificate expired two days ago."),
        new(DefectNames.TlsWrongHostName, "SH-05", "The https certificate is issued for wrong.example.com only, not for the loopback names."),
        new(DefectNames.TlsLegacyProtocolsAccepted, "SH-05", "The https listener also accepts TLS 1.0 and 1.1 (needs a TLS library that still speaks them: OpenSSL 3 at security level 0)."),
        new(DefectNames.TlsWeakCipher, "SH-05", "The https listener speaks TLS 1.2 with CBC cipher suites only (ECDHE-ECDSA-AES128-SHA256/-SHA), none of RFC 9325 §4.2's."),
        new(DefectNames.TlsCertificateExpiringSoon, "SH-05", "The https certificate expires in three days, within any two-week warning period."),
    ];

    /// <summary>
    /// The environment variables a process must be started with to host these defects: OPENSSL_CONF for
    /// tls-legacy-protocols-accepted, since OpenSSL 3 speaks TLS 1.0 and 1.1 only at security level 0 and reads that
    /// setting once, when the process starts. Empty for every other defect.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironmentFor(IEnumerable<string> defects) =>
        defects.Contains(DefectNames.TlsLegacyProtocolsAccepted, StringComparer.Ordinal)
            ? new Dictionary<string, string> { ["OPENSSL_CONF"] = Tls.SandboxTls.LegacyProtocols.ConfigurationFile }
            : new Dictionary<string, string>();
}
