using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Rator.Sandbox.Defects;
using Rator.Sandbox.Hosting;

namespace Rator.Sandbox.OAuth;

/// <summary>
/// Writes token-endpoint answers the way Spring Security OAuth2 shapes them, with the headers RFC 6749
/// §5.1 requires on every answer, success or error (TE-10).
/// </summary>
internal static class TokenResponses
{
    public const string BasicChallenge = "Basic realm=\"rator\"";

    public static Task WriteTokensAsync(HttpContext context, IssuedTokens tokens, SandboxServices sandbox)
    {
        var body = new Dictionary<string, object>
        {
            ["access_token"] = tokens.AccessToken,
        };
        if (!sandbox.Has(DefectNames.TokenTypeMissing)) body["token_type"] = "bearer";
        if (tokens.RefreshToken is not null) body["refresh_token"] = tokens.RefreshToken;
        body["expires_in"] = tokens.ExpiresIn;
        body["scope"] = tokens.Scope;
        return WriteAsync(context, StatusCodes.Status200OK, body, sandbox);
    }

    public static Task WriteErrorAsync(HttpContext context, OAuthException error, SandboxServices sandbox)
    {
        var status = error.Status;
        if (error.Error == OAuthErrors.UnsupportedGrantType && sandbox.Has(DefectNames.UnsupportedGrantType401))
            status = StatusCodes.Status401Unauthorized;
        if (status == StatusCodes.Status401Unauthorized && error.Error == OAuthErrors.InvalidClient &&
            !sandbox.Has(DefectNames.BasicChallengeMissing))
            context.Response.Headers.WWWAuthenticate = BasicChallenge;
        if (error.RetryAfter is { } wait)
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

        var description = sandbox.Has(DefectNames.ErrorDescriptionLocalized) && PrefersItalian(context.Request)
            ? ItalianDescriptions.For(error.Error)
            : error.Description;
        return WriteAsync(context, status, new Dictionary<string, object>
        {
            ["error"] = error.Error,
            ["error_description"] = description,
        }, sandbox);
    }

    private static async Task WriteAsync(HttpContext context, int status, Dictionary<string, object> body, SandboxServices sandbox)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (!sandbox.Has(DefectNames.CacheHeadersMissing))
        {
            response.Headers.CacheControl = "no-store";
            response.Headers.Pragma = "no-cache";
        }
        response.ContentType = "application/json;charset=UTF-8";
        await JsonSerializer.SerializeAsync(response.Body, body, JsonDefaults.Options, context.RequestAborted);
    }

    private static bool PrefersItalian(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .FirstOrDefault()?.Value.Value?.StartsWith("it", StringComparison.OrdinalIgnoreCase) == true;
}
