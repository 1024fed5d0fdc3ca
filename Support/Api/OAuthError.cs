using System.Text.Json;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>An error response (RFC 6749 §5.2 at the token endpoint, the same shape from Spring's resource server).</summary>
public sealed class OAuthError
{
    /// <summary>The error codes RFC 6749 §5.2 registers for the token endpoint (ER-02).</summary>
    public static IReadOnlyList<string> RegisteredCodes { get; } =
        ["invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type", "invalid_scope"];

    /// <summary>
    /// Codes of IANA's OAuth Extensions Error Registry a token endpoint may answer: RFC 6750's (the vendor's Spring stack
    /// answers an expired refresh token with invalid_token), RFC 7009's, RFC 8628's, RFC 8707's, RFC 9396's, RFC 9449's.
    /// </summary>
    public static IReadOnlyList<string> RegisteredExtensionCodes { get; } =
    [
        "invalid_token", "insufficient_scope", "unsupported_token_type", "authorization_pending", "slow_down", "access_denied",
        "expired_token", "invalid_target", "invalid_authorization_details", "invalid_dpop_proof", "use_dpop_nonce",
    ];

    private readonly SecretRedactor redactor;

    internal OAuthError(JsonElement json, SecretRedactor redactor)
    {
        this.redactor = redactor;
        Code = TokenResponse.StringOf(json, "error");
        Description = TokenResponse.StringOf(json, "error_description");
    }

    /// <summary>The "error" member when it is a string.</summary>
    public string? Code { get; }

    public string? Description { get; }

    public bool IsRegisteredCode => Code is not null && RegisteredCodes.Contains(Code, StringComparer.Ordinal);

    /// <summary>One of RFC 6749 §5.2's codes or of the registered extensions (ER-02's accepted answers).</summary>
    public bool IsRegisteredOrExtensionCode => IsRegisteredCode || (Code is not null && RegisteredExtensionCodes.Contains(Code, StringComparer.Ordinal));

    public bool Is(string code) => string.Equals(Code, code, StringComparison.Ordinal);

    // A description may echo a token or secret back (SH-03): redacted like every other sink.
    public override string ToString() => redactor.Redact(Description is null ? Code ?? "(no error code)" : $"{Code} ({Description})");
}
