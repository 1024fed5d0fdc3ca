using FluentAssertions;
using FluentAssertions.Execution;
using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Probes;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// SH-01: tokens cannot be guessed (RFC 6749 §10.10, RFC 6819 §5.1.4.2.2): each holds enough randomness, and no two
/// of a burst of sign-ins are alike. Judged over the burst's answers.
/// </summary>
public static class TokenRandomness
{
    /// <summary>The first access and refresh token of the burst each hold at least <paramref name="bits"/> random bits; a structured token (a JWT) is not estimated.</summary>
    public static void CheckEnoughBits(Answers answers, int bits)
    {
        answers.Batch.Should().OnlyContain(a => a.IssuedToken, "every sign-in of the probe succeeds");
        using var scope = new AssertionScope();
        foreach (var token in answers.Batch.SelectMany(a => new[] { a.Token!.AccessToken, a.Token.RefreshToken }).OfType<string>().Take(2))
        {
            var estimate = TokenEntropy.Of(token);
            if (!estimate.Structured)
                estimate.Bits.Should().BeGreaterThanOrEqualTo(bits,
                    "a token must hold at least {0} bits of randomness (RFC 6749 §10.10, RFC 6819 §5.1.4.2.2), but it is {1}", bits, estimate);
        }
    }

    public static void CheckAllDistinct(Answers answers)
    {
        var tokens = answers.Batch.SelectMany(a => new[] { a.Token?.AccessToken, a.Token?.RefreshToken }).OfType<string>().ToList();
        tokens.Should().OnlyHaveUniqueItems("every token issued is new (RFC 6749 §10.10)");
    }
}
