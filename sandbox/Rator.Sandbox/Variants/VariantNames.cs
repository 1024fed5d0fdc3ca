namespace Rator.Sandbox.Variants;

/// <summary>The variant names as constants, so a typo in a check is a compile error, not a silent no-op.</summary>
internal static class VariantNames
{
    public const string TokenTypeCapitalized = "token-type-capitalized";
    public const string JwtAccessTokens = "jwt-access-tokens";
    public const string HexRefreshTokens = "hex-refresh-tokens";
    public const string EmptySecretInvalidRequest = "empty-secret-invalid-request";
    public const string MissingClientAuthInvalidRequest = "missing-client-auth-invalid-request";
    public const string QueryTokenBadRequest = "query-token-bad-request";
    public const string ScopeOmitted = "scope-omitted";
    public const string ErrorUriWithoutDescription = "error-uri-without-description";
    public const string ChallengeShapes = "challenge-shapes";
    public const string CacheControlDirectives = "cache-control-directives";
    public const string JsonWithoutCharset = "json-without-charset";
    public const string GetTokenBadRequest = "get-token-bad-request";
    public const string GrantTypeCheckedFirst = "grant-type-checked-first";
    public const string ExpiredRefreshInvalidToken = "expired-refresh-invalid-token";
    public const string GrantNotAllowedInvalidClient = "grant-not-allowed-invalid-client";
    public const string WiderRefreshScopeNarrowed = "wider-refresh-scope-narrowed";
    public const string RefreshReuseLeeway = "refresh-reuse-leeway";
    public const string NoRefreshRotation = "no-refresh-rotation";
    public const string AccessTokenKeptOnRefresh = "access-token-kept-on-refresh";
    public const string BrandKeyCamelCase = "brand-key-camel-case";
    public const string FormOnlyParameters = "form-only-parameters";
    public const string ResourceBrandRefusals = "resource-brand-refusals";
    public const string RestrictedClientReshaped = "restricted-client-reshaped";
    public const string OperatorGrantRenamed = "operator-grant-renamed";
    public const string Tls13Only = "tls13-only";
    public const string PlainHttpRedirect = "plain-http-redirect";
    public const string PlainHttpClosed = "plain-http-closed";

    /// <summary>Resolves to every variant at once.</summary>
    public const string All = "all";
}
