namespace Rator.Sandbox.OAuth;

/// <summary>The error codes of RFC 6749 §5.2, the only ones the token endpoint sends when compliant.</summary>
internal static class OAuthErrors
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidClient = "invalid_client";
    public const string InvalidGrant = "invalid_grant";
    public const string UnauthorizedClient = "unauthorized_client";
    public const string UnsupportedGrantType = "unsupported_grant_type";
    public const string InvalidScope = "invalid_scope";

    /// <summary>The description of a missing parameter; missing-parameter-description-quoted quotes its name as some libraries do.</summary>
    public static string Missing(string parameter, Hosting.SandboxServices sandbox) =>
        sandbox.Has(Defects.DefectNames.MissingParameterDescriptionQuoted) ? $"Missing \"{parameter}\" in request." : $"Missing {parameter} parameter";
}

/// <summary>
/// A token-endpoint refusal. Descriptions are fixed ASCII sentences and never echo input (ER-03, SH-03).
/// </summary>
internal sealed class OAuthException(int status, string error, string description) : Exception(description)
{
    public int Status { get; } = status;
    public string Error { get; } = error;
    public string Description { get; } = description;
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A refusal of the brand (missing, empty, unknown): brand-refusal-cache-headers-missing sends it without the cache headers.</summary>
    public bool RefusesBrand { get; init; }

    /// <summary>A WWW-Authenticate value other than the Basic challenge (expired-refresh-invalid-token's Bearer one).</summary>
    public string? Challenge { get; init; }

    public static OAuthException BadRequest(string error, string description) => new(400, error, description);

    public static OAuthException InvalidClient(string description) => new(401, OAuthErrors.InvalidClient, description);
}
