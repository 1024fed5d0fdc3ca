using FluentAssertions;
using NUnit.Framework;
using Rator.Contract.Tests.Support.Probes;

namespace Rator.Contract.Tests.Unit.Probes;

public sealed class TokenEntropyTests
{
    [Test]
    public void A_version_4_uuid_holds_122_random_bits_whatever_its_length() =>
        TokenEntropy.Of("2acda61f-cf4f-42be-8561-563b5db7840f").Should().Be(new TokenEntropy.Estimate("UUID version 4", 122, false));

    [Test]
    public void Thirty_two_random_bytes_in_base64url_hold_more_than_160_bits() =>
        TokenEntropy.Of("q3Zr9XU1lJwqfC6n0bK8Vd2yTgE5hA4sPpLmNoRcWxI").Bits.Should().BeGreaterThan(160);

    [Test]
    public void Hex_counts_four_bits_a_character() =>
        TokenEntropy.Of("0123456789abcdef0123456789abcdef").Should().Be(new TokenEntropy.Estimate("hexadecimal", 128, false));

    [Test]
    public void A_signed_jwt_is_structured_and_not_judged_by_its_characters() =>
        TokenEntropy.Of("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl").Structured.Should().BeTrue();
}
