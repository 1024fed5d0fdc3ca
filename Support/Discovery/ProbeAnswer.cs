using System.Text.Json;

namespace Rator.Contract.Tests.Support.Discovery;

/// <summary>
/// What one discovery request got back, reduced to what the inference reads. Tokens are kept to be used again
/// but never shown: <see cref="ToString"/> says "with an access token", never which.
/// </summary>
public sealed record ProbeAnswer(int Status, string? Error = null, string? AccessToken = null, string? RefreshToken = null, long? ExpiresIn = null)
{
    /// <summary>No HTTP answer at all (refused connection, timeout).</summary>
    public static ProbeAnswer Unreachable(string reason) => new(0, reason);

    /// <summary>No answer because the TLS handshake failed: discovery then says what the certificate or protocol shows.</summary>
    public bool TlsHandshakeFailed { get; init; }

    public bool IssuedToken => Status == 200 && AccessToken is { Length: > 0 };

    public bool IsRefusal => Status is >= 400 and <= 499;

    /// <summary>Reads a token endpoint's or a resource's JSON answer; a body that is no JSON object still has its status.</summary>
    public static ProbeAnswer From(int status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new ProbeAnswer(status);
            return new ProbeAnswer(status, Text(root, "error"), Text(root, "access_token"), Text(root, "refresh_token"),
                root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var s) ? s : null);
        }
        catch (JsonException)
        {
            return new ProbeAnswer(status);
        }
    }

    public override string ToString() => Status switch
    {
        0 => $"no answer ({Error})",
        _ when IssuedToken => $"{Status} with an access token" + (RefreshToken is null ? "" : " and a refresh token") + (ExpiresIn is { } s ? $", expires_in {s}" : ""),
        _ => Error is null ? $"{Status}" : $"{Status} {Error}",
    };

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
