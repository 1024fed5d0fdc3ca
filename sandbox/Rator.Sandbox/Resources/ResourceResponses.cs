using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Rator.Sandbox.Hosting;

namespace Rator.Sandbox.Resources;

/// <summary>A resource-server refusal: status, optional Bearer challenge (RFC 6750 §3) and a JSON body.</summary>
internal sealed record ResourceError(int Status, string? Error, string Description, string? Challenge = null)
{
    public const string Realm = "rator";

    /// <summary>RFC 6750 §3: a request without credentials gets a challenge without an error code.</summary>
    public static ResourceError NoToken(string? error = null, string? description = null) => new(
        StatusCodes.Status401Unauthorized, null, "Full authentication is required to access this resource",
        error is null ? $"Bearer realm=\"{Realm}\"" : $"Bearer realm=\"{Realm}\", error=\"{error}\", error_description=\"{description}\"");

    public static ResourceError InvalidToken(string description, bool withCode = true) => new(
        StatusCodes.Status401Unauthorized, "invalid_token", description,
        withCode ? $"Bearer realm=\"{Realm}\", error=\"invalid_token\", error_description=\"{description}\"" : $"Bearer realm=\"{Realm}\"");

    public static ResourceError BadRequest(string description) => new(
        StatusCodes.Status400BadRequest, "invalid_request", description, $"Bearer realm=\"{Realm}\", error=\"invalid_request\"");

    public static ResourceError Forbidden(string description) => new(StatusCodes.Status403Forbidden, "access_denied", description);

    public static ResourceError NotFound(string description) => new(StatusCodes.Status404NotFound, "not_found", description);
}

internal static class ResourceResponses
{
    public static Task WriteErrorAsync(HttpContext context, ResourceError error)
    {
        var response = context.Response;
        response.StatusCode = error.Status;
        if (error.Challenge is not null) response.Headers.WWWAuthenticate = error.Challenge;
        response.Headers.CacheControl = "no-store";
        var body = new Dictionary<string, string>();
        if (error.Error is not null) body["error"] = error.Error;
        body["error_description"] = error.Description;
        response.ContentType = "application/json;charset=UTF-8";
        return JsonSerializer.SerializeAsync(response.Body, body, JsonDefaults.Options, context.RequestAborted);
    }

    public static Task WriteDataAsync(HttpContext context, object data, string language, bool asPlainText)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.ContentLanguage = language;
        response.Headers.CacheControl = "no-store";
        response.ContentType = asPlainText ? "text/plain;charset=UTF-8" : "application/json;charset=UTF-8";
        return JsonSerializer.SerializeAsync(response.Body, data, data.GetType(), JsonDefaults.Options, context.RequestAborted);
    }
}
