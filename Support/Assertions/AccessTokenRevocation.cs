using Rator.Contract.Tests.Support.Actors;
using Rator.Contract.Tests.Support.Api;

namespace Rator.Contract.Tests.Support.Assertions;

/// <summary>
/// RT-01: what a renewal does to the access token it replaces is the deployment's choice (RFC 6749 §6 leaves it open),
/// declared in tokenEndpoint.accessTokenRevokedOnRefresh; the previous token's read of the balance must match it.
/// </summary>
public static class AccessTokenRevocation
{
    private const string Key = "tokenEndpoint.accessTokenRevokedOnRefresh";

    /// <param name="read">the previous access token reading the balance after the renewal.</param>
    public static void CheckRevokedAsDeclared(ApiResponse read) =>
        DeclaredChoice.Holds(DeclarationReading.OfChoice("that a renewal revokes the previous access token", Key),
            () => read.Should().HaveStatus([401], "a revoked access token reads nothing"));

    /// <param name="read">the previous access token reading the balance after the renewal.</param>
    public static void CheckKeptAsDeclared(ApiResponse read) =>
        DeclaredChoice.Holds(DeclarationReading.OfChoice("that a renewal keeps the previous access token until it expires", Key),
            () => read.Should().HaveStatus([200], "a kept access token still reads the balance"));
}
