using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Rator.Sandbox.Security;

/// <summary>
/// PBKDF2-SHA256 with a random salt, stored as "pbkdf2-sha256$iterations$salt$hash" (base64).
/// Successful verifications are remembered so a busy benchmark does not pay PBKDF2 on every call;
/// failures always pay the full cost, so wrong, unknown and locked look the same from outside.
/// </summary>
internal static class SecretHasher
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 10_000;
    private static readonly ConcurrentDictionary<string, bool> VerifiedPairs = new(StringComparer.Ordinal);

    /// <summary>A hash no secret matches, verified against when there is no principal, to equalise timing.</summary>
    public static string Decoy { get; } = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Derive(secret, salt, Iterations);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string secret, string stored, bool allowRemembered = true)
    {
        var pairKey = stored + "\n" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        if (allowRemembered && VerifiedPairs.ContainsKey(pairKey)) return true;

        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations) || iterations < 1)
            return false;
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }
        var ok = CryptographicOperations.FixedTimeEquals(Derive(secret, salt, iterations), expected);
        if (ok && allowRemembered) VerifiedPairs.TryAdd(pairKey, true);
        return ok;
    }

    private static byte[] Derive(string secret, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, 32);
}
