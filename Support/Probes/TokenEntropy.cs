using System.Text.RegularExpressions;

namespace Rator.Contract.Tests.Support.Probes;

/// <summary>
/// How many bits of randomness an opaque token can hold, judged by its format first (RFC 6749 §10.10,
/// RFC 6819 §5.1.4.2.2): a version-4 UUID carries 122 random bits whatever its length suggests, hex
/// 4 bits a character, Base64/Base64url 6. A JWT is signed, so guessing one is a matter of the signature,
/// not of its characters: it is reported as such and not held to the opaque-token threshold.
/// </summary>
public static partial class TokenEntropy
{
    public sealed record Estimate(string Format, double Bits, bool Structured)
    {
        public override string ToString() => Structured ? Format : $"{Format}, about {Bits:0} random bits";
    }

    public static Estimate Of(string token)
    {
        if (Uuid().IsMatch(token))
            return new Estimate(token[14] == '4' ? "UUID version 4" : $"UUID version {token[14]}", token[14] == '4' ? 122 : 0, false);
        if (Jwt().IsMatch(token))
            return new Estimate("JWT (signed, structured)", 0, true);
        if (Hex().IsMatch(token))
            return new Estimate("hexadecimal", token.Length * 4, false);
        if (Base64().IsMatch(token))
            return new Estimate("Base64", token.TrimEnd('=').Length * 6, false);
        // Unknown alphabet: count the distinct characters as the alphabet (an upper bound).
        var alphabet = Math.Max(2, token.Distinct().Count());
        return new Estimate("unrecognised format", token.Length * Math.Log2(alphabet), false);
    }

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")]
    private static partial Regex Jwt();

    [GeneratedRegex("^[0-9a-fA-F]+$")]
    private static partial Regex Hex();

    [GeneratedRegex("^[A-Za-z0-9+/_-]+=*$")]
    private static partial Regex Base64();
}
