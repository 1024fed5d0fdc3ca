using System.Globalization;
using System.Text.Json;
using Rator.Contract.Tests.Support.Evidence;

namespace Rator.Contract.Tests.Support.Api;

/// <summary>
/// A token response (RFC 6749 §5.1) read leniently: a field of the wrong type is null here and its raw form stays
/// in <see cref="Json"/>, so a step can judge the shape (TE-09) instead of the parser throwing.
/// </summary>
public sealed class TokenResponse
{
    private readonly SecretRedactor redactor;

    internal TokenResponse(JsonElement json, SecretRedactor redactor)
    {
        this.redactor = redactor;
        Json = json;
        AccessToken = StringOf(json, "access_token");
        TokenType = StringOf(json, "token_type");
        RefreshToken = StringOf(json, "refresh_token");
        Scope = StringOf(json, "scope");
        if (json.TryGetProperty("expires_in", out var expires))
        {
            ExpiresInKind = expires.ValueKind;
            ExpiresIn = expires.ValueKind switch
            {
                JsonValueKind.Number when expires.TryGetInt64(out var seconds) => seconds,
                JsonValueKind.String when long.TryParse(expires.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) => seconds,
                _ => null,
            };
        }
    }

    public string? AccessToken { get; }
    public string? TokenType { get; }
    public string? RefreshToken { get; }
    public string? Scope { get; }

    /// <summary>Seconds, whether sent as a JSON number or a numeric string; see <see cref="ExpiresInKind"/>.</summary>
    public long? ExpiresIn { get; }

    /// <summary>How expires_in was sent: Number as RFC 6749 A.14 wants, String, or Undefined when absent.</summary>
    public JsonValueKind ExpiresInKind { get; } = JsonValueKind.Undefined;

    public bool HasAccessToken => !string.IsNullOrEmpty(AccessToken);
    public bool HasRefreshToken => !string.IsNullOrEmpty(RefreshToken);

    /// <summary>token_type is "bearer" in any case (Spring answers lower case; RFC 6749 §5.1 says case-insensitive).</summary>
    public bool IsBearer => string.Equals(TokenType, "bearer", StringComparison.OrdinalIgnoreCase);

    /// <summary>The whole JSON object, for the fields a scenario needs beyond the standard ones.</summary>
    public JsonElement Json { get; }

    public override string ToString()
    {
        var access = AccessToken is null ? "no access token" : $"access token {redactor.Fingerprint(AccessToken)}";
        var refresh = RefreshToken is null ? "" : $", refresh token {redactor.Fingerprint(RefreshToken)}";
        var expiry = ExpiresIn is { } s ? $", expires in {s} s" : "";
        return $"{TokenType ?? "untyped"} token: {access}{refresh}{expiry}";
    }

    internal static string? StringOf(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
