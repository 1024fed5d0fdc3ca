using FluentAssertions;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// Rotation as declared (tokenEndpoint.refreshTokenRotation: true): RFC 6749 §6 makes a new refresh token optional,
/// RFC 9700 §4.14.2 makes it the way to detect reuse; a deployment declared to rotate hands one out at every renewal.
/// </summary>
public static class RefreshRotation
{
    public static void CheckRotated(ApiResponse renewal, IssuedToken renewed)
    {
        renewal.Should().IssueAToken("a renewal with a valid refresh token buys a token (RFC 6749 §6)");
        var handedOut = renewal.Token!.RefreshToken;
        handedOut.Should().NotBeNullOrEmpty("a deployment that rotates refresh tokens hands out a new one with every renewal (RFC 6749 §6), but the renewal carried none");
        (handedOut != renewed.RefreshToken).Should().BeTrue(
            "a deployment that rotates refresh tokens hands out a new one with every renewal, but the renewal answered the same refresh token again");
    }
}
