using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Rator.Sandbox.Hosting;
using Rator.Sandbox.Variants;

namespace Rator.Sandbox.Resources;

/// <summary>A resource-server refusal: status, optional Bearer challenge (RFC 6750 §3) and a JSON body.</summary>
internal sealed record ResourceError(int Status, string? Error, string Description, BearerChallenge? Challenge = null)
{
    /// <summary>RFC 6750 §3: a request without credentials gets a challenge without an error code.</summary>
    public static ResourceError NoToken(string? error = null, string? description = null) => new(
        StatusCodes.Status401Unauthorized, null, "Full authentication is required to access this resource",
        new BearerChallenge(error, error is null ? null : description));

    public static ResourceError InvalidToken(string description, bool withCode = true) => new(
        StatusCodes.Status401Unauthorized, "invalid_token", description,
        withCode ? new BearerChallenge("invalid_token", description) : new BearerChallenge());

    /// <summary>A malformed request; describedInChallenge repeats the description in the challenge, as node-oauth2-server does.</summary>
    public static ResourceError BadRequest(string description, bool describedInChallenge = false) => new(
        StatusCodes.Status400BadRequest, "invalid_request", description,
        new BearerChallenge("invalid_request", describedInChallenge ? description : null));

    public static ResourceError Forbidden(string description) => new(StatusCodes.Status403Forbidden, "access_denied", description);

    public static ResourceError NotFound(string description) => new(StatusCodes.Status404NotFound, "not_found", description);
}

/// <summary>The WWW-Authenticate: Bearer parameters; its shape (realm, error_uri) is the host's.</summary>
internal sealed record BearerChallenge(string? Error = null, string? Description = null)
{
    public const string Realm = "rator";

    /// <summary>Spring Security's BearerTokenAuthenticationEntryPoint points every error at RFC 6750's error codes.</summary>
    public const string ErrorUri = "https://tools.ietf.org/html/rfc6750#section-3.1";

    public string Format(SandboxServices sandbox)
    {
        var springShape = sandbox.Uses(VariantNames.ChallengeShapes);
        var parameters = new List<string>();
        if (!springShape) parameters.Add($"realm=\"{Realm}\"");
        if (Error is not null)
        {
            parameters.Add($"error=\"{Error}\"");
            if (Description is not null) parameters.Add($"error_description=\"{Description}\"");
            if (springShape) parameters.Add($"error_uri=\"{ErrorUri}\"");
        }
        return parameters.Count == 0 ? "Bearer" : "Bearer " + string.Join(", ", parameters);
    }
}

internal static class ResourceResponses
{
    public static Task WriteErrorAsync(HttpContext context, ResourceError error, SandboxServices sandbox)
    {
        var response = context.Response;
        response.StatusCode = error.Status;
        if (error.Challenge is not null) response.Headers.WWWAuthenticate = error.Challenge.Format(sandbox);
        response.Headers.CacheControl = "no-store";
        var body = new Dictionary<string, string>();
        if (error.Error is not null) body["error"] = error.Error;
        body["error_description"] = error.Description;
        response.ContentType = sandbox.JsonContentType;
        return JsonSerializer.SerializeAsync(response.Body, body, JsonDefaults.Options, context.RequestAborted);
    }

    public static Task WriteDataAsync(HttpContext context, object data, string language, SandboxServices sandbox, bool asPlainText)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.ContentLanguage = language;
        response.Headers.CacheControl = "no-store";
        response.ContentType = asPlainText ? "text/plain;charset=UTF-8" : sandbox.JsonContentType;
        return JsonSerializer.SerializeAsync(response.Body, data, data.GetType(), JsonDefaults.Options, context.RequestAborted);
    }
}
