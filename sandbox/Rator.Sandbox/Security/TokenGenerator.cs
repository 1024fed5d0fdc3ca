using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Rator.Sandbox.Security;

/// <summary>Opaque token values: 256 random bits, base64url (SH-01 wants at least 160).</summary>
internal static class TokenGenerator
{
    public static string NewToken(bool uuidDefect) =>
        uuidDefect ? Guid.NewGuid().ToString() : Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The hex-refresh-tokens variant: 320 random bits in lower-case hex, as some stores keep them.</summary>
    public static string NewHexToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(40));

    public static string NewFamilyId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Tokens are stored as SHA-256 digests, so a copy of the database cannot be replayed.</summary>
    public static string Digest(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
