using FluentAssertions;
using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// Rotation as declared (tokenEndpoint.refreshTokenRotation: true): RFC 6749 §6 makes a new refresh token optional,
/// RFC 9700 §4.14.2 makes it the way to detect reuse; a deployment declared to rotate hands one out at every renewal.
/// RT-01 and RT-07 judge a renewal against what the environment declares (rotation, a reuse leeway): a failure names
/// both readings and the key.
/// </summary>
public static class RefreshRotation
{
    private const string RotationKey = "tokenEndpoint.refreshTokenRotation";

    public static void CheckRotatedAsDeclared(ApiResponse renewal, IssuedToken renewed) =>
        DeclaredChoice.Holds(DeclarationReading.OfChoice("that refresh tokens rotate: every renewal hands out a new one", RotationKey),
            () => CheckRotated(renewal, renewed));

    public static void CheckKeptAsDeclared(ApiResponse renewal) =>
        DeclaredChoice.Holds(DeclarationReading.OfChoice("that refresh tokens are kept across renewals", RotationKey),
            () => renewal.Should().IssueAToken("a refresh token that is kept buys a token again (RFC 6749 §6)"));

    /// <param name="renewal">the answer to a renewal with the refresh token a renewal replaced, within <paramref name="leeway"/>.</param>
    public static void CheckAcceptedWithinLeeway(ApiResponse renewal, TimeSpan leeway) =>
        DeclaredChoice.Holds(
            DeclarationReading.OfChoice($"a reuse leeway of {leeway.TotalSeconds:0} s for a replaced refresh token", "tokenEndpoint.refreshTokenReuseLeewaySeconds"),
            () => renewal.Should().IssueAToken("within the declared leeway the replaced refresh token is still accepted (RFC 9700 §4.14.2 leaves the leeway open)"));

    public static void CheckRotated(ApiResponse renewal, IssuedToken renewed)
    {
        renewal.Should().IssueAToken("a renewal with a valid refresh token buys a token (RFC 6749 §6)");
        var handedOut = renewal.Token!.RefreshToken;
        handedOut.Should().NotBeNullOrEmpty("a deployment that rotates refresh tokens hands out a new one with every renewal (RFC 6749 §6), but the renewal carried none");
        (handedOut != renewed.RefreshToken).Should().BeTrue(
            "a deployment that rotates refresh tokens hands out a new one with every renewal, but the renewal answered the same refresh token again");
    }
}
