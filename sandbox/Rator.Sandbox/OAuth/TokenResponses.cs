using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox.OAuth;

/// <summary>
/// Writes token-endpoint answers the way Spring Security OAuth2 shapes them, with the headers RFC 6749
/// §5.1 requires on every answer, success or error (TE-10).
/// </summary>
internal static class TokenResponses
{
    public const string BasicChallenge = "Basic realm=\"rator\"";

    /// <summary>RFC 7617 §2.1's charset parameter, as Spring Security's BasicAuthenticationEntryPoint can send it.</summary>
    public const string BasicChallengeWithCharset = "Basic realm=\"rator\", charset=\"UTF-8\"";

    /// <summary>Where error-uri-without-description points every error: the RFC's list of codes, as Duende and OpenIddict do.</summary>
    public const string ErrorUri = "https://www.rfc-editor.org/rfc/rfc6749#section-5.2";

    /// <summary>Spring Security's CacheControlHeadersWriter; no-store is the part RFC 6749 §5.1 requires.</summary>
    private const string SpringCacheControl = "no-cache, no-store, max-age=0, must-revalidate";

    public static Task WriteTokensAsync(HttpContext context, IssuedTokens tokens, bool scopeAsRequested, SandboxServices sandbox)
    {
        var body = new Dictionary<string, object>
        {
            ["access_token"] = tokens.AccessToken,
        };
        if (!sandbox.Has(DefectNames.TokenTypeMissing))
            body["token_type"] = sandbox.Uses(VariantNames.TokenTypeCapitalized) ? "Bearer" : "bearer";
        if (tokens.RefreshToken is not null) body["refresh_token"] = tokens.RefreshToken;
        body["expires_in"] = tokens.ExpiresIn;
        if (!(scopeAsRequested && sandbox.Uses(VariantNames.ScopeOmitted))) body["scope"] = tokens.Scope;
        return WriteAsync(context, StatusCodes.Status200OK, body, sandbox);
    }

    public static Task WriteErrorAsync(HttpContext context, OAuthException error, SandboxServices sandbox)
    {
        var status = error.Status;
        if (error.Error == OAuthErrors.UnsupportedGrantType && sandbox.Has(DefectNames.UnsupportedGrantType401))
            status = StatusCodes.Status401Unauthorized;
        if (error.Challenge is not null)
            context.Response.Headers.WWWAuthenticate = error.Challenge;
        else if (status == StatusCodes.Status401Unauthorized && error.Error == OAuthErrors.InvalidClient &&
                 !sandbox.Has(DefectNames.BasicChallengeMissing))
            context.Response.Headers.WWWAuthenticate = sandbox.Has(DefectNames.BasicChallengeBearer)
                ? $"Bearer realm=\"rator\", error=\"{OAuthErrors.InvalidClient}\""
                : sandbox.Uses(VariantNames.ChallengeShapes) ? BasicChallengeWithCharset : BasicChallenge;
        if (error.RetryAfter is { } wait)
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

        var body = new Dictionary<string, object> { ["error"] = error.Error };
        if (sandbox.Uses(VariantNames.ErrorUriWithoutDescription))
            body["error_uri"] = ErrorUri;
        else
            body["error_description"] = sandbox.Has(DefectNames.ErrorDescriptionLocalized) && PrefersItalian(context.Request)
                ? ItalianDescriptions.For(error.Error)
                : error.Description;
        return WriteAsync(context, status, body, sandbox, cacheHeaders: !(error.RefusesBrand && sandbox.Has(DefectNames.BrandRefusalCacheHeadersMissing)));
    }

    private static async Task WriteAsync(HttpContext context, int status, Dictionary<string, object> body, SandboxServices sandbox,
        bool cacheHeaders = true)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (cacheHeaders && !sandbox.Has(DefectNames.CacheHeadersMissing))
        {
            var spring = sandbox.Uses(VariantNames.CacheControlDirectives);
            response.Headers.CacheControl = spring ? SpringCacheControl : "no-store";
            response.Headers.Pragma = "no-cache";
            if (spring) response.Headers.Expires = "0";
        }
        response.ContentType = sandbox.JsonContentType;
        await JsonSerializer.SerializeAsync(response.Body, body, JsonDefaults.Options, context.RequestAborted);
    }

    private static bool PrefersItalian(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .FirstOrDefault()?.Value.Value?.StartsWith("it", StringComparison.OrdinalIgnoreCase) == true;
}
