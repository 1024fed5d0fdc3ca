using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Rator.Sandbox.OAuth;

/// <summary>
/// Only for the jwt-access-tokens variant: RFC 9068 access tokens, HS256 with a random key per host. The
/// resources still look tokens up by digest, as a server with introspection or a token store would, so the
/// signature is never checked here; it only has to look like one.
/// </summary>
internal sealed class JwtAccessTokens
{
    private const string Audience = "rator-rest-api"; // OAUTH_CLIENT_DETAILS.resource_ids
    private static readonly byte[] Header = """{"alg":"HS256","typ":"at+jwt"}"""u8.ToArray();

    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

    /// <summary>
    /// The host's base URL, known only once Kestrel has bound its port; set before the address is returned,
    /// so no client of a port-0 host can ask for a token earlier.
    /// </summary>
    public string Issuer { get; set; } = "rator-sandbox";

    public string Create(TokenBinding binding, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        using var payload = new MemoryStream();
        using (var json = new Utf8JsonWriter(payload))
        {
            json.WriteStartObject();
            json.WriteString("iss", Issuer);
            json.WriteString("sub", binding.PrincipalName);
            json.WriteString("aud", Audience);
            json.WriteString("client_id", binding.Client.ClientId);
            json.WriteString("brand", binding.Brand);
            json.WriteString("scope", binding.Scope);
            json.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
            json.WriteNumber("exp", expiresAt.ToUnixTimeSeconds());
            // 256 random bits, so the token is as unguessable as an opaque one (SH-01).
            json.WriteString("jti", Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));
            json.WriteEndObject();
        }
        var signingInput = Base64Url.EncodeToString(Header) + "." + Base64Url.EncodeToString(payload.ToArray());
        var signature = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }
}
