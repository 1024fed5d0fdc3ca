using System.Text.Json;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>An error response (RFC 6749 §5.2 at the token endpoint, the same shape from Spring's resource server).</summary>
public sealed class OAuthError
{
    /// <summary>The error codes RFC 6749 §5.2 registers for the token endpoint (ER-02).</summary>
    public static IReadOnlyList<string> RegisteredCodes { get; } =
        ["invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type", "invalid_scope"];

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

    public bool Is(string code) => string.Equals(Code, code, StringComparison.Ordinal);

    // A description may echo a token or secret back (SH-03): redacted like every other sink.
    public override string ToString() => redactor.Redact(Description is null ? Code ?? "(no error code)" : $"{Code} ({Description})");
}
